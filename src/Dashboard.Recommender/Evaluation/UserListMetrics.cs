namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// The list a model produced for one test user and its accuracy metrics at the evaluation cut-off.
/// Kept per user so results can be regrouped (bias audits) or tested for significance without
/// re-running the model.
/// </summary>
public sealed record UserListMetrics(
    int User,
    int[] List,
    int RelevantCount,
    double Precision,
    double Recall,
    double Ndcg,
    double AveragePrecision,
    double ReciprocalRank,
    double Hit)
{
    /// <summary>Every metric of <paramref name="list"/> against <paramref name="relevant"/> at cut-off <paramref name="k"/>: the one place a user's list is scored.</summary>
    public static UserListMetrics Measure(int user, int[] list, IReadOnlySet<int> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(relevant);
        return new UserListMetrics(
            user,
            list,
            relevant.Count,
            RankingMetrics.PrecisionAt(list, relevant, k),
            RankingMetrics.RecallAt(list, relevant, k),
            RankingMetrics.NdcgAt(list, relevant, k),
            RankingMetrics.AveragePrecisionAt(list, relevant, k),
            RankingMetrics.ReciprocalRankAt(list, relevant, k),
            RankingMetrics.HitRateAt(list, relevant, k));
    }
}
