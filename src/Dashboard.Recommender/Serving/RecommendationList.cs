namespace Dashboard.Recommender.Serving;

/// <summary>A list for one end-user.</summary>
/// <param name="Personalised">
/// False when the end-user is unknown to the model and the list is the popularity fallback, or when the blend
/// ranks by popularity alone (see <see cref="DataBasis.PopularityOnly"/>).
/// </param>
/// <param name="Rules">Rules that acted on the list as a whole (items left out as seen or by category, category caps).</param>
public sealed record RecommendationList(
    string EndUserId,
    bool Personalised,
    IReadOnlyList<RecommendedItem> Items,
    IReadOnlyList<AppliedRule> Rules);
