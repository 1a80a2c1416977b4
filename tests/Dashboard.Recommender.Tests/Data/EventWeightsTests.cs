using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Data;

public class EventWeightsTests
{
    [Theory]
    [InlineData("view", 1f)]
    [InlineData("click", 2f)]
    [InlineData("add_to_cart", 3f)]
    [InlineData("Purchase", 5f)]
    public void Default_WeighsStrongerSignalsMore(string eventType, float expected)
    {
        Assert.True(EventWeights.Default.TryGetWeight(eventType, out var weight));
        Assert.Equal(expected, weight);
    }

    [Fact]
    public void TryGetWeight_UnknownEvent_ReturnsFalse()
    {
        Assert.False(EventWeights.Default.TryGetWeight("teleport", out _));
    }
}
