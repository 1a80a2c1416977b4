using Bunit;
using Dashboard.Domain.Campaigns;
using Dashboard.TestSupport;
using Dashboard.Web.Components.Pages.Metrics;
using Dashboard.Web.Tests.Components.Campaigns;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Components.Metrics;

public sealed class CampaignMetricsTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    /// <summary>The section loads from the database after its first render; a busy machine can take a while.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly DateTime Yesterday = DateTime.UtcNow.Date.AddDays(-1).AddHours(9);

    [Fact]
    public async Task MetricsPage_ShowsEveryStartedCampaignWithItsArms_ButNoDrafts()
    {
        await using var context = await CampaignResultsContext.StartAsync(factory);
        await using (var db = context.Database())
        {
            var (id, arms) = await CampaignResultsSeed.CampaignAsync(db, "Spring picks", context.BlendId, Yesterday.AddDays(-3));
            await CampaignResultsSeed.ServeAsync(db, id, arms[0], Yesterday, lists: 1, itemsPerList: 10, clicks: 4, conversions: 1);
            await CampaignResultsSeed.CampaignAsync(db, "Summer draft", context.BlendId, Yesterday.AddDays(30), state: CampaignState.Draft);
        }

        var page = context.Bunit.Render<MetricsPage>();

        page.WaitForElement("[data-testid=campaign-metrics-campaign]", Wait);
        Assert.Equal(("Spring picks", "40.0 %"),
            (string.Join(" | ", page.FindAll("[data-testid=campaign-metrics-campaign]").Select(c => c.GetAttribute("data-campaign"))),
             page.Find("[data-testid=arm-card][data-arm=A] [data-testid=ctr]").TextContent.Trim()[..6]));
    }

    [Fact]
    public async Task MetricsPage_WithoutStartedCampaigns_PointsToTheCampaignsPage()
    {
        await using var context = await CampaignResultsContext.StartAsync(factory);

        var page = context.Bunit.Render<MetricsPage>();

        Assert.Contains("Start one on the Campaigns page", page.WaitForElement("[data-testid=no-campaigns]", Wait).TextContent, StringComparison.Ordinal);
    }
}
