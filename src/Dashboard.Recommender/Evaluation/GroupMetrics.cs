namespace Dashboard.Recommender.Evaluation;

/// <summary>Mean list metrics over the test users of one group (e.g. one gender or age band).</summary>
public sealed record GroupMetrics(
    string Group,
    int UserCount,
    double Precision,
    double Recall,
    double Ndcg,
    double Map,
    double Mrr,
    double HitRate);
