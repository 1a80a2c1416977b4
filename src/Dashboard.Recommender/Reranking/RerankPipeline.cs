using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Reranking;

/// <summary>
/// Applies re-ranking rules to a model's candidate list in a fixed, documented order:
/// <list type="number">
/// <item><see cref="RerankStage.Filter"/> rules remove candidates; what remains is the eligible pool.</item>
/// <item><see cref="RerankStage.Adjust"/> rules change scores.</item>
/// <item>The pool is sorted by score, best first (ties: lower item index; NaN scores last).</item>
/// <item><see cref="RerankStage.Select"/> rules choose and order items (category caps, MMR).</item>
/// <item>The list is cut to <see cref="RerankContext.Length"/>.</item>
/// <item><see cref="RerankStage.Position"/> rules pin items to fixed slots, then the list is cut again.</item>
/// </list>
/// Within a stage, rules run in the order given to the constructor. The pipeline is immutable and
/// safe to share between threads; each call works on its own copy of the candidates.
/// </summary>
public sealed class RerankPipeline
{
    private readonly IRerankRule[] _rules;

    public RerankPipeline(IEnumerable<IRerankRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var given = rules.ToArray();
        foreach (var rule in given)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
        }

        // OrderBy is stable, which keeps the caller's order within a stage.
        _rules = [.. given.OrderBy(r => r.Stage)];
    }

    /// <summary>The rules in the order they run.</summary>
    public IReadOnlyList<IRerankRule> Rules => _rules.AsReadOnly();

    public IReadOnlyList<ScoredItem> Apply(IReadOnlyList<ScoredItem> candidates, RerankContext context)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(context.Length, nameof(context));

        var items = new List<ScoredItem>(candidates);
        var current = context with { Eligible = candidates };
        var sorted = false;
        foreach (var rule in _rules)
        {
            if (rule.Stage >= RerankStage.Select && !sorted)
            {
                SortByScore(items);
                current = current with { Eligible = [.. items] };
                sorted = true;
            }

            if (rule.Stage == RerankStage.Position && items.Count > context.Length)
            {
                items.RemoveRange(context.Length, items.Count - context.Length);
            }

            rule.Apply(items, current);
        }

        if (!sorted)
        {
            SortByScore(items);
        }

        if (items.Count > context.Length)
        {
            items.RemoveRange(context.Length, items.Count - context.Length);
        }

        return items;
    }

    private static void SortByScore(List<ScoredItem> items) => items.Sort(CompareBestFirst);

    private static int CompareBestFirst(ScoredItem a, ScoredItem b)
    {
        var aNaN = float.IsNaN(a.Score);
        var bNaN = float.IsNaN(b.Score);
        if (aNaN != bNaN)
        {
            return aNaN ? 1 : -1;
        }

        var byScore = aNaN ? 0 : b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Item.CompareTo(b.Item);
    }
}
