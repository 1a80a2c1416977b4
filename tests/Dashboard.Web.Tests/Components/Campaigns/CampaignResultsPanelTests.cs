using Bunit;
using Dashboard.TestSupport;
using Dashboard.Web.Components.Pages.Campaigns;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Components.Campaigns;

public sealed class CampaignResultsPanelTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    /// <summary>The panel loads from the database after its first render; a busy machine can take a while.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static readonly DateTime Yesterday = DateTime.UtcNow.Date.AddDays(-1).AddHours(9);

    private static string Text<T>(IRenderedComponent<T> view, string arm, string testId)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        view.Find($"[data-testid=arm-card][data-arm={arm}] [data-testid={testId}]").TextContent.Trim();

    [Fact]
    public async Task Panel_ShowsEachArmsFiguresFromItsServedListsAndFeedback()
    {
        await using var context = await CampaignResultsContext.StartAsync(factory);
        Guid campaignId;
        await using (var db = context.Database())
        {
            var (id, arms) = await CampaignResultsSeed.CampaignAsync(db, "Spring picks", context.BlendId, Yesterday.AddDays(-3));
            await CampaignResultsSeed.ServeAsync(db, id, arms[0], Yesterday, lists: 2, itemsPerList: 5, clicks: 3, conversions: 1);
            await CampaignResultsSeed.ServeAsync(db, id, arms[1], Yesterday, lists: 1, itemsPerList: 5, clicks: 1, conversions: 0);
            campaignId = id;
        }

        var panel = context.Bunit.Render<CampaignResultsPanel>(p => p.Add(x => x.CampaignId, campaignId));

        panel.WaitForElement("[data-testid=arm-card]", Wait);
        Assert.Equal(("2", "10", "30.0 %", "1", "5", "20.0 %"),
            (Text(panel, "A", "lists-served"), Text(panel, "A", "impressions"), Text(panel, "A", "ctr")[..6],
             Text(panel, "B", "lists-served"), Text(panel, "B", "impressions"), Text(panel, "B", "ctr")[..6]));
        Assert.StartsWith("No verdict yet: each arm needs", panel.Find("[data-testid=verdict]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Panel_ForACampaignOfAnotherOrganisation_SaysItDoesNotExist()
    {
        await using var other = await CampaignResultsContext.StartAsync(factory);
        Guid campaignId;
        await using (var db = other.Database())
        {
            (campaignId, _) = await CampaignResultsSeed.CampaignAsync(db, "Theirs", other.BlendId, Yesterday);
        }

        await using var context = await CampaignResultsContext.StartAsync(factory);
        var panel = context.Bunit.Render<CampaignResultsPanel>(p => p.Add(x => x.CampaignId, campaignId));

        Assert.Equal("That campaign does not exist.", panel.WaitForElement("[data-testid=results-missing]", Wait).TextContent.Trim());
    }
}
