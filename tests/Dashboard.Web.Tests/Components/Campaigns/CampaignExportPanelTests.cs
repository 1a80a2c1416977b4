using Bunit;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Pages.Campaigns;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Campaigns;

/// <summary>The export panel over the app's real services and database (the demo organisation, a campaign inserted directly).</summary>
public sealed class CampaignExportPanelTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task ForAMarketer_ListsTheExportWithItsDownloadLinkAndOffersExportNow()
    {
        var (tenantId, campaignId, exportId) = await SeedAsync(CampaignChannel.Email);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId, Roles.Marketer);

        var panel = ctx.Render<CampaignExportPanel>(p => p.Add(x => x.CampaignId, campaignId));

        var cells = panel.WaitForElements("[data-testid=export-list] tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1,204", "12,040", "2.0 MB", "marketer@demo.local"], cells.Skip(1).Take(4));
        Assert.Equal($"/campaigns/{campaignId}/exports/{exportId}.csv", panel.Find("[data-testid=export-download]").GetAttribute("href"));
        Assert.False(panel.Find("[data-testid=export-now]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ExportNow_QueuesTheExportAndSaysSo()
    {
        var (tenantId, campaignId, _) = await SeedAsync(CampaignChannel.Email);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId, Roles.Marketer);
        var panel = ctx.Render<CampaignExportPanel>(p => p.Add(x => x.CampaignId, campaignId));

        panel.WaitForElement("[data-testid=export-now]").Click();

        panel.WaitForAssertion(() => Assert.StartsWith("Export of “", panel.Find("[data-testid=export-message]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForAComplianceOfficer_ListsExportsButOffersNoExportScheduleOrDownload()
    {
        var (tenantId, campaignId, _) = await SeedAsync(CampaignChannel.Email);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId, Roles.ComplianceOfficer);

        var panel = ctx.Render<CampaignExportPanel>(p => p.Add(x => x.CampaignId, campaignId));

        panel.WaitForElement("[data-testid=export-list]");
        Assert.Empty(panel.FindAll("[data-testid=export-now]"));
        Assert.Empty(panel.FindAll("[data-testid=export-save-schedule]"));
        Assert.Empty(panel.FindAll("[data-testid=export-download]"));
    }

    [Fact]
    public async Task ForAWebCampaign_SaysThereIsNothingToExport()
    {
        var (tenantId, campaignId, _) = await SeedAsync(CampaignChannel.Web);
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId, Roles.Marketer);

        var panel = ctx.Render<CampaignExportPanel>(p => p.Add(x => x.CampaignId, campaignId));

        panel.WaitForElement("[data-testid=export-not-email]");
        Assert.Empty(panel.FindAll("[data-testid=export-now]"));
    }

    private async Task<(Guid TenantId, Guid CampaignId, Guid ExportId)> SeedAsync(CampaignChannel channel)
    {
        var tenantId = await ApiKeys.TenantIdAsync(factory, "Demo Retail");
        var now = DateTime.UtcNow;
        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        var run = new Dashboard.Domain.Jobs.JobRun
        {
            Id = Guid.NewGuid(), Kind = Dashboard.Domain.Jobs.JobKind.ExportCampaign, State = Dashboard.Domain.Jobs.JobState.Succeeded,
            RequestedBy = "marketer@demo.local", QueuedAtUtc = now, FinishedAtUtc = now,
        };
        var campaign = new Campaign
        {
            Id = Guid.NewGuid(), Name = $"Mail {Guid.NewGuid():N}"[..20], Channel = channel, RulesJson = CampaignRules.None.ToJson(), ListSize = 10,
            StartsAtUtc = now.AddDays(-1), State = CampaignState.Running, CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        var export = new CampaignExport
        {
            Id = Guid.NewGuid(), CampaignId = campaign.Id, JobRunId = run.Id, StoredName = "not-read-by-the-panel", EndUserCount = 1_204, RowCount = 12_040,
            SizeBytes = 2 * 1_048_576, SnapshotAtUtc = now, CreatedAtUtc = now,
        };
        db.JobRuns.Add(run);
        db.Campaigns.Add(campaign);
        db.CampaignExports.Add(export);
        await db.SaveChangesAsync();
        return (tenantId, campaign.Id, export.Id);
    }

    private static BunitContext Context(AsyncServiceScope scope, Guid tenantId, string role)
    {
        var caller = new CallerContext("user", "user@demo.local", tenantId, "Demo Retail", new HashSet<string> { role });
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<CampaignExportService>(scope.ServiceProvider, new FixedCurrentUser(caller)));
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return ctx;
    }
}
