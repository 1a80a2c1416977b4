namespace Dashboard.Recommender.Fairness;

/// <summary>
/// One audit of an <see cref="AuditSnapshot"/> under a re-ranking: the fairness report, the mean NDCG and
/// precision at the snapshot's cut-off (10 for the product) over the evaluated end-users, and how many there were.
/// </summary>
public sealed record AuditRun(FairnessReport Report, double NdcgAt10, double PrecisionAt10, int EvaluatedUsers);
