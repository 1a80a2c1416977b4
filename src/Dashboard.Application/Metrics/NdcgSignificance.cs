namespace Dashboard.Application.Metrics;

/// <summary>Welch's t-test of NDCG@10 over the two versions' evaluated end-users, and the result in a sentence.</summary>
public sealed record NdcgSignificance(double Delta, double T, double DegreesOfFreedom, double PValue, string Sentence);
