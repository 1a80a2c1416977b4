namespace Dashboard.Recommender.Serving;

/// <summary>
/// One component's part of a recommended item's score. The shares of an item sum to its score.
/// </summary>
/// <param name="Share">Weight ÷ (sum of the weights of the components that scored the item) × normalised score.</param>
/// <param name="Because">For history-based components (item-kNN, EASE, implicit ALS), up to 3 history items that drove the score most; else empty.</param>
public sealed record ComponentShare(ComponentKind Kind, string DisplayName, double Weight, double Share, IReadOnlyList<BecauseItem> Because);
