using Dashboard.Recommender.Privacy;

namespace Dashboard.Recommender.Tests.Privacy;

public class GeneralisationTests
{
    [Theory]
    [InlineData("37", 10, "30–39")]
    [InlineData("30", 10, "30–39")]
    [InlineData("39.5", 10, "30–39")]
    [InlineData("0", 5, "0–4")]
    [InlineData("-3", 10, "-10–-1")]
    [InlineData(" 42 ", 1, "42")]
    public void NumericBand_PutsTheNumberInItsBand(string value, int width, string expected)
    {
        Assert.Equal(expected, Generalisation.NumericBand(value, width));
    }

    [Theory]
    [InlineData("thirty")]
    [InlineData("NaN")]
    [InlineData("12a")]
    public void NumericBand_TextThatIsNotANumber_GetsItsOwnClass(string value)
    {
        Assert.Equal(Generalisation.NotANumber, Generalisation.NumericBand(value, 10));
    }

    [Fact]
    public void NumericBand_NoValue_IsMissing()
    {
        Assert.Equal(Generalisation.Missing, Generalisation.NumericBand(null, 10));
    }

    [Fact]
    public void NumericBand_WidthBelowOne_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Generalisation.NumericBand("37", 0));
    }

    [Theory]
    [InlineData("75011", 3, "750**")]
    [InlineData("SW1A 1AA", 2, "SW******")]
    [InlineData("75", 3, "75")]
    [InlineData("75011", 0, "*****")]
    public void Prefix_KeepsTheFirstCharactersAndMasksTheRest(string value, int keep, string expected)
    {
        Assert.Equal(expected, Generalisation.Prefix(value, keep));
    }

    [Fact]
    public void RareToOther_ValuesHeldByFewerThanM_BecomeOther()
    {
        string?[] column = ["FR", "FR", "FR", "DE", "DE", "LU", null];

        Assert.Equal(["FR", "FR", "FR", "DE", "DE", "other", "(none)"], Generalisation.RareToOther(column, 2));
    }

    [Fact]
    public void Apply_RuleOfTheColumn_GeneralisesEveryValue()
    {
        Assert.Equal(["20–29", "not a number", "(none)"], Generalisation.Apply(new GeneralisationRule(GeneralisationMethod.NumericBands, 10), ["25", "n/a", null]));
    }

    [Fact]
    public void Apply_RuleWithAnUnusableParameter_IsRefusedWithTheReason()
    {
        var error = Assert.Throws<ArgumentException>(() => Generalisation.Apply(new GeneralisationRule(GeneralisationMethod.RareValuesToOther, 1), ["a"]));

        Assert.StartsWith("A value is rare when", error.Message, StringComparison.Ordinal);
    }
}
