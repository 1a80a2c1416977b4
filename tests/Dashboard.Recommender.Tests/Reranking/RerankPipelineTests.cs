using Dashboard.Recommender.Data;
using Dashboard.Recommender.Reranking;

namespace Dashboard.Recommender.Tests.Reranking;

public class RerankPipelineTests
{
    /// <summary>Items 0..count-1 with scores decreasing from 1 by 0.1: the model's order is the index order.</summary>
    internal static ScoredItem[] Descending(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new ScoredItem(i, 1f - (0.1f * i)))];

    internal static int[] Run(IReadOnlyList<ScoredItem> candidates, int length, params IRerankRule[] rules) =>
        Run(candidates, new RerankContext(User: 0, Length: length), rules);

    internal static int[] Run(IReadOnlyList<ScoredItem> candidates, RerankContext context, params IRerankRule[] rules) =>
        [.. new RerankPipeline(rules).Apply(candidates, context).Select(s => s.Item)];

    [Fact]
    public void Apply_WithoutRules_SortsByScoreAndCutsToLength()
    {
        ScoredItem[] shuffled = [new(4, 0.2f), new(1, 0.9f), new(3, 0.5f), new(2, 0.7f)];
        Assert.Equal([1, 2, 3], Run(shuffled, 3));
    }

    [Fact]
    public void Apply_ScoreTies_BreakByLowerItemIndex()
    {
        ScoredItem[] tied = [new(5, 0.5f), new(2, 0.5f), new(7, 0.9f)];
        Assert.Equal([7, 2, 5], Run(tied, 3));
    }

    [Fact]
    public void Apply_NaNScores_SortLast()
    {
        ScoredItem[] withNaN = [new(0, float.NaN), new(1, 0.1f), new(2, 0.3f)];
        Assert.Equal([2, 1, 0], Run(withNaN, 3));
    }

    [Fact]
    public void Apply_RunsStagesInOrderWhateverTheRuleOrder()
    {
        // The pin is given first and the filter last, yet the filter still removes item 4 before pinning.
        Assert.Equal([0, 1, 2], Run(Descending(5), 3, new PinRule(4, 1), FilterRule.ExcludeItems([4])));
    }

    [Fact]
    public void Apply_BoostIsAppliedBeforeSelection()
    {
        // Item 3 (0.7) + 0.5 = 1.2 now outranks item 0 (1.0), and the category cap sees the new order:
        // items 3 and 0 share category 0 with cap 1, so item 0 is dropped.
        var categories = ItemCategories.FromSingle(3, [0, 1, 2, 0]);
        var ranked = Run(Descending(4), 3, new CategoryCapRule(categories, 1), BoostRule.Promote([3], offset: 0.5f));
        Assert.Equal([3, 1, 2], ranked);
    }
}
