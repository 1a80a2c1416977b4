using Dashboard.Application.Training;

namespace Dashboard.Application.Metrics;

/// <summary>The columns of the components' own figures, in the order of <see cref="Measures.All"/>.</summary>
public static class ComponentMeasures
{
    private static readonly HashSet<string> RatingModels = new(StringComparer.Ordinal) { "BiasedMf", "SvdPlusPlus", "BayesianMf" };

    public static IReadOnlyList<ComponentMeasure> All { get; } =
    [
        new("NDCG@10", c => c.NdcgAt10, _ => "No end-user could be evaluated."),
        new("Precision@10", c => c.PrecisionAt10, _ => "No end-user could be evaluated."),
        new("Recall@10", c => c.RecallAt10, _ => "No end-user could be evaluated."),
        new("MAP@10", c => c.MapAt10, _ => "No end-user could be evaluated."),
        new("Coverage", c => c.Coverage, _ => "No list was made."),
        new("Diversity", c => c.IntraListDiversity, _ => "The catalogue has no item categories, so lists cannot be compared by category."),
        new("Novelty", c => c.Novelty, _ => "No list was made."),
        new("RMSE", c => c.Rmse, RatingsMissing),
        new("MAE", c => c.Mae, RatingsMissing),
    ];

    private static string RatingsMissing(ComponentMetrics c) => RatingModels.Contains(c.Kind)
        ? "Not applicable: the held-out data has no star ratings this component could predict."
        : "Not applicable: this component ranks items but does not predict star ratings.";
}
