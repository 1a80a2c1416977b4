using Dashboard.Recommender.Reranking;
using static Dashboard.Recommender.Tests.Reranking.RerankPipelineTests;

namespace Dashboard.Recommender.Tests.Reranking;

public class PinRuleTests
{
    [Fact]
    public void Apply_MovesListedItemToPosition2()
    {
        Assert.Equal([0, 3, 1, 2], Run(Descending(4), 4, new PinRule(3, 2)));
    }

    [Fact]
    public void Apply_PullsItemFromBelowTheCut()
    {
        Assert.Equal([0, 5, 1], Run(Descending(6), 3, new PinRule(5, 2)));
    }

    [Fact]
    public void Apply_NeverPinsAFilteredItem()
    {
        Assert.Equal([0, 1, 2], Run(Descending(6), 3, new PinRule(5, 1), FilterRule.ExcludeItems([5])));
    }

    [Fact]
    public void Apply_PositionBeyondShortList_AppendsItem()
    {
        // Only three candidates, so slot 5 does not exist and the pinned item goes last.
        Assert.Equal([1, 2, 0], Run(Descending(3), 5, new PinRule(0, 5)));
    }

    [Fact]
    public void Apply_LaterPinTakesContestedSlot()
    {
        Assert.Equal([4, 3, 0], Run(Descending(5), 3, new PinRule(3, 1), new PinRule(4, 1)));
    }
}
