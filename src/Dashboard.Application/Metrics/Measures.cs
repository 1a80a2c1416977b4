using Dashboard.Application.Training;

namespace Dashboard.Application.Metrics;

/// <summary>The measures the Metrics page shows and compares, in its column order.</summary>
public static class Measures
{
    public const string TrainedBefore = "This version was trained before this measure was recorded.";

    public static Measure Ndcg { get; } = new(
        "NDCG@10", "How high the held-out items rank in the list, discounted by position (1 = all at the top).", MeasureGroup.Ranking, true,
        m => m.NdcgAt10, _ => "No end-user could be evaluated.");

    public static IReadOnlyList<Measure> All { get; } =
    [
        Ndcg,
        new("Precision@10", "Share of the 10 recommended items that the end-user went on to use.", MeasureGroup.Ranking, true,
            m => m.PrecisionAt10, _ => "No end-user could be evaluated."),
        new("Recall@10", "Share of the end-user's held-out items found among the 10 recommended.", MeasureGroup.Ranking, true,
            m => m.RecallAt10, _ => "No end-user could be evaluated."),
        new("MAP@10", "Mean average precision: rewards finding held-out items early in the list.", MeasureGroup.Ranking, true,
            m => m.MapAt10, _ => "No end-user could be evaluated."),
        new("Coverage", "Share of the catalogue recommended to at least one end-user.", MeasureGroup.BeyondAccuracy, true,
            m => m.Coverage, _ => "No list was made."),
        new("Diversity", "Intra-list diversity: 1 − the mean category similarity of the items in a list (1 = no two items share a category).",
            MeasureGroup.BeyondAccuracy, true, m => m.IntraListDiversity,
            m => m.Components is null ? TrainedBefore : "The catalogue has no item categories, so lists cannot be compared by category."),
        new("Novelty", "Mean self-information of the recommended items, −log₂ of the share of end-users who used them (higher = less obvious).",
            MeasureGroup.BeyondAccuracy, true, m => m.Novelty, _ => "No list was made."),
        new("RMSE", "Root mean squared error of predicted star ratings on the held-out ratings (lower is better).", MeasureGroup.RatingError, false,
            m => m.Rmse, RatingsMissing),
        new("MAE", "Mean absolute error of predicted star ratings on the held-out ratings (lower is better).", MeasureGroup.RatingError, false,
            m => m.Mae, RatingsMissing),
    ];

    private static string RatingsMissing(VersionMetrics m) => m switch
    {
        { Components: null } => TrainedBefore,
        { HeldOutRatings: 0 } => "Not applicable: the held-out data has no star ratings.",
        _ when m.Components.Count(c => c.Rmse is not null) > 1 => "Several components predict ratings; see each component's figures.",
        _ => "Not applicable: no component of this blend predicts star ratings (biased MF or SVD++ do).",
    };
}
