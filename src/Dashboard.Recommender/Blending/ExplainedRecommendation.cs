namespace Dashboard.Recommender.Blending;

/// <summary>A recommended item, its blended score and the per-component breakdown of that score.</summary>
public sealed record ExplainedRecommendation(int Item, float Score, IReadOnlyList<ComponentContribution> Contributions);
