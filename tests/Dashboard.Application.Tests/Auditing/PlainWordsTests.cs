using Dashboard.Application.Common;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.Tests.Auditing;

public sealed class PlainWordsTests
{
    [Theory]
    [InlineData("SkipBadRows", "Skip bad rows")]
    [InlineData("age_band", "Age band")]
    [InlineData("SqlDatabase", "SQL database")]
    [InlineData("DataSource.ImportStarted", "Data source import started")]
    [InlineData("MovieLens100K", "MovieLens 100K")]
    [InlineData("country", "Country")]
    [InlineData("", "")]
    public void From_TurnsCodeNamesIntoWords(string identifier, string expected) => Assert.Equal(expected, PlainWords.From(identifier));

    [Fact]
    public void Of_AnEnumValue_IsInWords() => Assert.Equal("Create placeholder", PlainWords.Of(UnknownItemPolicy.CreatePlaceholder));

    [Fact]
    public void Of_TheEmailChannel_IsSpeltAsTheCampaignEditorOffersIt() =>
        Assert.Equal("E-mail", PlainWords.Of(Dashboard.Domain.Campaigns.CampaignChannel.Email));

    [Theory]
    [InlineData(1, "1 stored model")]
    [InlineData(0, "0 stored models")]
    [InlineData(1888, "1,888 stored models")]
    public void Counted_PutsTheNounInTheNumberOfTheCount(long count, string expected) => Assert.Equal(expected, PlainWords.Counted(count, "stored model"));
}
