namespace Dashboard.Recommender.Serving;

/// <summary>
/// Business rules a campaign puts on every list, on top of the blend's own re-ranking (items and categories by
/// the ids and names in the item details; unknown ones are ignored):
/// only items of <see cref="IncludeCategories"/> when any are named; never <see cref="ExcludeItems"/>;
/// <see cref="Boosts"/> added to an item's normalised score before candidates are chosen (so a promoted item can
/// rise into the list without being forced); <see cref="MaxPerCategory"/> in place of the blend's cap; and
/// <see cref="Pins"/> put at their positions last, when the end-user may see the item (not already seen, not
/// excluded). Categories to exclude are <see cref="RecommendOptions.ExcludeCategories"/>.
/// </summary>
public sealed record ListRules
{
    public IReadOnlyCollection<string> IncludeCategories { get; init; } = [];

    public IReadOnlyCollection<string> ExcludeItems { get; init; } = [];

    public IReadOnlyList<ListBoost> Boosts { get; init; } = [];

    public IReadOnlyList<ListPin> Pins { get; init; } = [];

    /// <summary>At most this many items of one category; null keeps the blend's own cap.</summary>
    public int? MaxPerCategory { get; init; }

    public bool IsEmpty =>
        IncludeCategories.Count == 0 && ExcludeItems.Count == 0 && Boosts.Count == 0 && Pins.Count == 0 && MaxPerCategory is null;
}
