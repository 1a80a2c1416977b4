namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Outcome of a top-n evaluation. Accuracy metrics are means over the evaluated users (users with at
/// least one relevant test item; NaN when there is none); the beyond-accuracy metrics are computed over their lists with
/// training popularity. <see cref="IntraListDiversity"/> and <see cref="CalibrationKl"/> are NaN when
/// the options gave no similarity or categories. <see cref="Groups"/> is set when a grouping was given.
/// </summary>
public sealed record TopNEvaluationResult(
    int K,
    int UserCount,
    double Precision,
    double Recall,
    double Ndcg,
    double Map,
    double Mrr,
    double HitRate,
    double CatalogCoverage,
    double ExposureGini,
    double Novelty,
    double LongTailShare,
    double AverageRecommendationPopularity,
    double IntraListDiversity,
    double CalibrationKl,
    IReadOnlyList<UserListMetrics> PerUser,
    GroupReport? Groups)
{
    /// <summary>Regroups the per-user results, e.g. for a bias audit on another user attribute.</summary>
    public GroupReport ByGroup(Func<int, string> groupOf) => GroupReport.Create(PerUser, groupOf);
}
