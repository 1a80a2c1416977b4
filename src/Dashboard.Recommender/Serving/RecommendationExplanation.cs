namespace Dashboard.Recommender.Serving;

/// <summary>Why an item is in a list: the components' shares of its score, the rules that acted on it, and the data basis.</summary>
public sealed record RecommendationExplanation(DataBasis Basis, IReadOnlyList<ComponentShare> Components, IReadOnlyList<AppliedRule> Rules);
