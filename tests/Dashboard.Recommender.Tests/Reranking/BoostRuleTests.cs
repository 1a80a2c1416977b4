using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Reranking;
using static Dashboard.Recommender.Tests.Reranking.RerankPipelineTests;

namespace Dashboard.Recommender.Tests.Reranking;

public class BoostRuleTests
{
    [Fact]
    public void Promote_WithMultiplier_RaisesPromotedItem()
    {
        // Item 2: 0.8 · 1.5 = 1.2 > item 0's 1.0.
        Assert.Equal([2, 0, 1], Run(Descending(3), 3, BoostRule.Promote([2], multiplier: 1.5f)));
    }

    [Fact]
    public void Promote_RescoresOnlyPromotedItems()
    {
        var result = new RerankPipeline([BoostRule.Promote([1], multiplier: 2, offset: 0.1f)])
            .Apply(Descending(2), new RerankContext(0, 2));
        Assert.Equal([new ScoredItem(1, (0.9f * 2) + 0.1f), new ScoredItem(0, 1f)], result);
    }

    [Fact]
    public void LongTail_BoostsItemsOutsideThePopularHead()
    {
        // Popularity [60, 30, 10]: the 20 % head is item 0 alone; +0.25 lifts item 2 (0.8) above item 1 (0.9).
        var isTail = LongTail.Classify([60, 30, 10]);
        Assert.Equal([1, 2, 0], Run(Descending(3), 3, BoostRule.LongTail(isTail, offset: 0.25f)));
    }
}
