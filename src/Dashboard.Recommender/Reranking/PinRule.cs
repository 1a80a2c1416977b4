using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Reranking;

/// <summary>
/// Puts an item at a fixed 1-based <see cref="Position"/> of the final list (a sponsored slot),
/// moving it there if it is already listed and pulling it from the eligible pool otherwise; a
/// shorter list gets the item appended. An item that did not survive the filters is never pinned,
/// and neither is one missing from the candidates: to pin an item the model did not rank, add it to
/// the candidates. When several pins compete for a slot, the one applied last takes it and pushes
/// the earlier one down.
/// </summary>
public sealed class PinRule : IRerankRule
{
    public PinRule(int item, int position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(item);
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        Item = item;
        Position = position;
    }

    public int Item { get; }

    public int Position { get; }

    public RerankStage Stage => RerankStage.Position;

    public void Apply(List<ScoredItem> items, RerankContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(context);
        if (!TryFind(context.Eligible, Item, out var pinned))
        {
            return;
        }

        var at = items.FindIndex(s => s.Item == Item);
        if (at >= 0)
        {
            items.RemoveAt(at);
        }

        items.Insert(Math.Min(Position - 1, items.Count), pinned);
    }

    private static bool TryFind(IReadOnlyList<ScoredItem> pool, int item, out ScoredItem found)
    {
        for (var i = 0; i < pool.Count; i++)
        {
            if (pool[i].Item == item)
            {
                found = pool[i];
                return true;
            }
        }

        found = default;
        return false;
    }
}
