using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Reranking;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// What happens to a list after candidate selection, shared by <see cref="BlendModel"/> (serving and
/// evaluation) and <see cref="Fairness.AuditSnapshot"/> (audits and what-if audits), so the lists an audit
/// judges are the lists the version serves: the long-tail boost, the select rules (category cap, then MMR),
/// and the cut to the list length.
/// </summary>
internal static class ServedRanking
{
    /// <summary>The fewest candidates re-ranking works on, so a cap, MMR or a boost can reach below the first page.</summary>
    public const int MinimumPool = 50;

    /// <summary>
    /// How many of the best-scored candidates a list of <paramref name="count"/> is re-ranked from: with any
    /// re-ranking (a select rule or a long-tail boost) at least <see cref="MinimumPool"/> and five times the
    /// list, otherwise just the list. A boost needs the wider pool too: taken from the top
    /// <paramref name="count"/> alone it could only reorder them and never bring a long-tail item in.
    /// </summary>
    public static int PoolSize(RerankSpec rerank, int count, int itemCount) =>
        Reranks(rerank) ? Math.Min(itemCount, Math.Max(count * 5, MinimumPool)) : Math.Min(itemCount, count);

    /// <summary>The largest pool any re-ranking asks for at this list length (what an audit snapshot keeps).</summary>
    public static int LargestPool(int count, int itemCount) => Math.Min(itemCount, Math.Max(count * 5, MinimumPool));

    public static bool Reranks(RerankSpec rerank) =>
        rerank.LongTailBoost > 0 || rerank.MaxPerCategory is not null || rerank.MmrLambda < 1;

    /// <summary>
    /// The select rules of <paramref name="rerank"/>: a category cap, then MMR over the category cosine, or
    /// over <paramref name="coOccurrence"/> when the catalogue has no categories.
    /// </summary>
    public static RerankPipeline SelectRules(RerankSpec rerank, ItemCategories categories, Func<Func<int, int, double>> coOccurrence)
    {
        var rules = new List<IRerankRule>();
        if (rerank.MaxPerCategory is { } cap)
        {
            rules.Add(new CategoryCapRule(categories, cap));
        }

        if (rerank.MmrLambda < 1)
        {
            var similarity = categories.CategoryCount > 0 ? ItemSimilarity.CategoryCosine(categories) : coOccurrence();
            rules.Add(new MmrRule(similarity, rerank.MmrLambda));
        }

        return new RerankPipeline(rules);
    }

    /// <summary>
    /// Boosts the long-tail candidates by <paramref name="boost"/>, sorts best first (ties: lower item), then
    /// applies the select rules and cuts to <paramref name="count"/>. <paramref name="candidates"/> are the
    /// best-scored allowed items, best first, as <c>TopN.Select</c> gives them.
    /// </summary>
    public static (List<ScoredItem> Before, IReadOnlyList<ScoredItem> Final) Apply(
        ReadOnlySpan<ScoredItem> candidates, bool[] isLongTail, float boost, RerankPipeline select, int count)
    {
        var before = new List<ScoredItem>(candidates.Length);
        foreach (var c in candidates)
        {
            before.Add(boost > 0 && isLongTail[c.Item] ? c with { Score = c.Score + boost } : c);
        }

        before.Sort(static (a, b) => b.Score.CompareTo(a.Score) is var byScore && byScore != 0 ? byScore : a.Item.CompareTo(b.Item));
        var final = select.Apply(before, new RerankContext(0, count));
        return (before, final);
    }
}
