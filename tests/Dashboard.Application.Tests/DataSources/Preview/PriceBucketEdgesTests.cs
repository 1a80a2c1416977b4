using Dashboard.Application.DataSources.Preview;

namespace Dashboard.Application.Tests.DataSources.Preview;

public sealed class PriceBucketEdgesTests
{
    [Fact]
    public void NarrowRange_GetsTenOrSoLinearBucketsOfARoundWidth()
    {
        Assert.Equal([4m, 6m, 8m, 10m, 12m, 14m, 16m, 18m, 20m, 22m], PriceBucketEdges.Compute(5, 20, 5));
    }

    [Fact]
    public void WideRange_GetsOneTwoFiveLogSpacedEdges()
    {
        Assert.Equal([5m, 10m, 20m, 50m, 100m, 200m, 500m, 1_000m], PriceBucketEdges.Compute(8, 640, 8));
    }

    [Fact]
    public void SinglePrice_GetsOneBucket()
    {
        Assert.Equal([9.99m, 9.99m], PriceBucketEdges.Compute(9.99, 9.99, 9.99));
    }

    [Fact]
    public void WideRangeWithFreeItems_PutsTheFreeOnesInAFirstBucketBelowTheLogEdges()
    {
        Assert.Equal([0m, 5m, 10m, 20m, 50m, 100m, 200m, 500m, 1_000m], PriceBucketEdges.Compute(0, 640, 8));
    }
}
