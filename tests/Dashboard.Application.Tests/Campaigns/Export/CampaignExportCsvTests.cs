using Dashboard.Application.Campaigns;
using Dashboard.Domain.Campaigns;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Tests.Campaigns.Export;

public sealed class CampaignExportCsvTests
{
    private static RecommendedItem Item(string id, string title, double score, int rank) =>
        new(id, title, [], score, rank, [], new RecommendationExplanation(default, [], []));

    [Fact]
    public void WriteList_EscapesCellsThatASpreadsheetWouldRunAsFormulas()
    {
        using var text = new StringWriter();

        CampaignExportCsv.WriteList(text, "=cmd|'/C calc'!A0", [Item("@SUM(A1)", "+Deal, \"best\"", 0.5, 1)], "rec_x", "-B");

        Assert.Equal("'=cmd|'/C calc'!A0,1,'@SUM(A1),\"'+Deal, \"\"best\"\"\",0.5,rec_x,'-B\r\n", text.ToString());
    }

    [Fact]
    public void WriteList_WritesScoresWithAPointWhateverTheCulture_AndTheIdWhenAnItemHasNoTitle()
    {
        using var text = new StringWriter();
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            CampaignExportCsv.WriteList(text, "u1", [Item("i7", "", 0.1234567, 2)], "rec_y", "A");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal("u1,2,i7,i7,0.123457,rec_y,A\r\n", text.ToString());
    }

    [Fact]
    public void FileName_IsTheCampaignsNameMadeSafe_AndTheSnapshotsMinute()
    {
        Assert.Equal("campaign-spring-sale-50-20260630-1205.csv", CampaignExportCsv.FileName("Spring / Sale 50%", new DateTime(2026, 6, 30, 12, 5, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(CampaignChannel.Web, CampaignState.Running, "“C” is a web campaign: its lists are served by the API with campaign=, not exported.")]
    [InlineData(CampaignChannel.Email, CampaignState.Draft, "“C” is a draft; only a running campaign's lists are exported.")]
    [InlineData(CampaignChannel.Email, CampaignState.Ended, "“C” has ended; only a running campaign's lists are exported.")]
    [InlineData(CampaignChannel.Email, CampaignState.Running, null)]
    public void OnlyARunningEmailCampaignIsExported(CampaignChannel channel, CampaignState state, string? refusal)
    {
        var campaign = new Campaign { Name = "C", RulesJson = "{}", Channel = channel, State = state, StartsAtUtc = DateTime.UnixEpoch };

        Assert.Equal(refusal, CampaignExportRules.Refusal(campaign, new DateTime(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc)));
    }
}
