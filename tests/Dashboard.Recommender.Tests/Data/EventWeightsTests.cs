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

    [Theory]
    [InlineData("AddToCart")]
    [InlineData("add-to-cart")]
    [InlineData(" ADD_TO_CART ")]
    public void TryGetWeight_MatchesEverySpellingOfAnEventType(string eventType)
    {
        Assert.True(EventWeights.Default.TryGetWeight(eventType, out var weight));
        Assert.Equal(3, weight);
    }

    [Fact]
    public void Parse_ReplacesTheNamedWeightsAndKeepsTheOthers()
    {
        var weights = EventWeights.Parse("{\"AddToCart\": 4, \"view\": 0.1}");

        Assert.Equal([0.1, 2, 4, 5], new[] { weights["view"], weights["click"], weights["add_to_cart"], weights["purchase"] });
    }

    [Fact]
    public void Parse_BlankText_GivesTheDefaults()
    {
        Assert.Same(EventWeights.Default, EventWeights.Parse("  "));
    }

    [Theory]
    [InlineData("{\"teleport\": 1}")]
    [InlineData("{\"view\": 0}")]
    [InlineData("{\"view\": 1001}")]
    [InlineData("not json")]
    public void Validate_RejectsUnknownNamesWeightsOutOfRangeAndMalformedText(string json)
    {
        Assert.NotNull(EventWeights.Validate(json));
    }

    [Fact]
    public void Validate_AcceptsAWellFormedMapAndBlankText()
    {
        Assert.Null(EventWeights.Validate("{\"view\": 0.5, \"add-to-cart\": 1000}"));
        Assert.Null(EventWeights.Validate(null));
    }

    [Fact]
    public void Validate_AsksTheCallerAboutNames()
    {
        Assert.Equal("no ratings", EventWeights.Validate("{\"rating\": 1}", name => name == "rating" ? "no ratings" : null));
    }
}
