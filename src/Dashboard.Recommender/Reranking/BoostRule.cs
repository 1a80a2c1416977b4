using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Reranking;

/// <summary>
/// Rescores the items a predicate selects as score · multiplier + offset, before the pool is
/// re-sorted. A multiplier only boosts non-negative scores (e.g. rank-normalised blend scores); for
/// raw scores that can be negative, use the offset, which is in the model's score units.
/// </summary>
public sealed class BoostRule : IRerankRule
{
    private readonly Func<int, bool> _appliesTo;

    public BoostRule(Func<int, bool> appliesTo, float multiplier = 1, float offset = 0)
    {
        ArgumentNullException.ThrowIfNull(appliesTo);
        if (!float.IsFinite(multiplier) || !float.IsFinite(offset))
        {
            throw new ArgumentOutOfRangeException(nameof(multiplier), "The multiplier and offset must be finite.");
        }

        _appliesTo = appliesTo;
        Multiplier = multiplier;
        Offset = offset;
    }

    public float Multiplier { get; }

    public float Offset { get; }

    public RerankStage Stage => RerankStage.Adjust;

    /// <summary>Boosts promoted items (a campaign's items).</summary>
    public static BoostRule Promote(IEnumerable<int> items, float multiplier = 1, float offset = 0)
    {
        ArgumentNullException.ThrowIfNull(items);
        var promoted = new HashSet<int>(items);
        return new BoostRule(promoted.Contains, multiplier, offset);
    }

    /// <summary>
    /// Boosts long-tail items to counter popularity bias; <paramref name="isLongTail"/> comes from
    /// <see cref="Evaluation.LongTail.Classify"/>. Items outside the array are treated as long tail.
    /// </summary>
    public static BoostRule LongTail(bool[] isLongTail, float multiplier = 1, float offset = 0)
    {
        ArgumentNullException.ThrowIfNull(isLongTail);
        return new BoostRule(item => (uint)item >= (uint)isLongTail.Length || isLongTail[item], multiplier, offset);
    }

    public void Apply(List<ScoredItem> items, RerankContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (var i = 0; i < items.Count; i++)
        {
            if (_appliesTo(items[i].Item))
            {
                items[i] = items[i] with { Score = (items[i].Score * Multiplier) + Offset };
            }
        }
    }
}
