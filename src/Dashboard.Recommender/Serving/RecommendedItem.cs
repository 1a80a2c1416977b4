namespace Dashboard.Recommender.Serving;

/// <summary>
/// One item of a list. <see cref="Score"/> is the blended relevance (the sum of the explanation's
/// component shares); the order can differ from the score order where a boost or diversity rule acted
/// (see <see cref="RecommendationExplanation.Rules"/>).
/// </summary>
/// <param name="Rank">1-based position in the list.</param>
/// <param name="ReasonCodes">Short stable codes for an API, e.g. "because-history", "taste-match", "popular", "long-tail-boost", "diversified".</param>
public sealed record RecommendedItem(
    string ItemId,
    string Title,
    IReadOnlyList<string> Categories,
    double Score,
    int Rank,
    IReadOnlyList<string> ReasonCodes,
    RecommendationExplanation Explanation);
