using Dashboard.Application.DataSources.Preview;
using Dashboard.Web.Components.Shared;

namespace Dashboard.Web.Tests.Components;

public sealed class ChartTextTests
{
    [Fact]
    public void InNaturalOrder_PutsNumericRangesSmallestFirstAndOtherLast()
    {
        LabelledCount[] values = [new("35-44", 9), new("<18", 1), new("Other", 4), new("18-24", 7), new("65+", 2)];

        var ordered = ChartText.InNaturalOrder(values).Select(v => v.Label);

        Assert.Equal(["<18", "18-24", "35-44", "65+", "Other"], ordered);
    }

    [Fact]
    public void InNaturalOrder_KeepsWordsMostCommonFirst()
    {
        LabelledCount[] values = [new("North", 9), new("East", 3), new("2nd floor", 2)];

        Assert.Equal(values, ChartText.InNaturalOrder(values));
    }

    [Theory]
    [InlineData("age_band", "Age band")]
    [InlineData("loyaltyTier", "Loyalty tier")]
    [InlineData("region", "Region")]
    public void Key_IsWrittenInWords(string key, string expected) => Assert.Equal(expected, ChartText.Key(key));
}
