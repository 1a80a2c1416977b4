using Bunit;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Pages.Campaigns.Segments;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Components.Campaigns.Segments;

public sealed class SegmentsPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ForAComplianceOfficer_ThePageIsReadOnly()
    {
        await using var context = await SegmentPagesContext.StartAsync(factory, Roles.ComplianceOfficer);

        var page = context.Bunit.Render<SegmentsPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=read-only-notice]")), Wait);
        Assert.Empty(page.FindAll("[data-testid=new-segment]"));
    }

    [Fact]
    public async Task ForAMarketer_NewSegmentOpensTheEditor()
    {
        await using var context = await SegmentPagesContext.StartAsync(factory, Roles.Marketer);
        var page = context.Bunit.Render<SegmentsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=new-segment]")), Wait);

        page.Find("[data-testid=new-segment]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=segment-editor]")), Wait);
    }

    [Fact]
    public void DeleteWarning_NamesTheCampaignsThatLoseTheirAudience()
    {
        var segment = new SegmentView(Guid.NewGuid(), "Young buyers", null, SegmentDefinition.Everyone, "Everyone",
            [new SegmentCampaign(Guid.NewGuid(), "Autumn picks", CampaignState.Draft), new SegmentCampaign(Guid.NewGuid(), "Spring picks", CampaignState.Running)], DateTime.UtcNow, Guid.NewGuid());

        Assert.Equal(
            "Delete “Young buyers”? The campaigns “Autumn picks” (draft) and “Spring picks” (running) lose their audience and cannot start until they are given another segment. This cannot be undone.",
            SegmentsPage.DeleteWarning(segment));
    }
}
