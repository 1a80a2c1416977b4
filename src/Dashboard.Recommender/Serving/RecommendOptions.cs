namespace Dashboard.Recommender.Serving;

/// <summary>Per-request settings of <see cref="BlendModel.Recommend"/>.</summary>
public sealed record RecommendOptions
{
    /// <summary>Items in any of these categories (names as in the item details) are left out.</summary>
    public IReadOnlyCollection<string> ExcludeCategories { get; init; } = [];

    /// <summary>
    /// Events of this end-user since the model was trained. For an end-user the model knows they are
    /// added to the history the model scores from (see <see cref="BlendModel"/>) and count as seen;
    /// events on items the model does not know are ignored until the next training.
    /// </summary>
    public IReadOnlyList<RecentEvent> RecentEvents { get; init; } = [];
}
