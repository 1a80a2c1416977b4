namespace Dashboard.Recommender.Blending;

/// <summary>
/// What one component added to a blended score, for explanations ("because you liked …"). The
/// contributions of a recommendation sum to its blended score.
/// </summary>
/// <param name="Component">The component's <see cref="Algorithms.IRecommender.Name"/>.</param>
/// <param name="RawScore">The component's own score (NaN when it could not score the item).</param>
/// <param name="NormalizedScore">The score after the blend's normalisation.</param>
/// <param name="Weight">The configured weight.</param>
/// <param name="Contribution">
/// Weight / (sum of the weights of the components that scored the item) × normalised score; 0 when
/// the component could not score the item.
/// </param>
public sealed record ComponentContribution(string Component, float RawScore, float NormalizedScore, double Weight, double Contribution);
