using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Domain.Data;

namespace Dashboard.Application.Tests.DataSources.EventsApi;

public sealed class EventTypeParserTests
{
    [Theory]
    [InlineData("view", InteractionType.View)]
    [InlineData("click", InteractionType.Click)]
    [InlineData("add_to_cart", InteractionType.AddToCart)]
    [InlineData("purchase", InteractionType.Purchase)]
    [InlineData("rating", InteractionType.Rating)]
    [InlineData(" Purchase ", InteractionType.Purchase)]
    [InlineData("ADD_TO_CART", InteractionType.AddToCart)]
    public void TryParse_AcceptsTheDocumentedNames(string text, InteractionType expected)
    {
        Assert.True(EventTypeParser.TryParse(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AddToCart")]
    [InlineData("add-to-cart")]
    [InlineData("buy")]
    [InlineData("3")]
    public void TryParse_RefusesOtherSpellings(string? text)
    {
        Assert.False(EventTypeParser.TryParse(text, out _));
    }
}
