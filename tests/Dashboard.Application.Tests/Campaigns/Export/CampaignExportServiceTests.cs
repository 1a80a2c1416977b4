using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Tests.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Jobs;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Campaigns.Export.CampaignExportTestKit;

namespace Dashboard.Application.Tests.Campaigns.Export;

public sealed class CampaignExportServiceTests
{
    private static async Task<List<JobRun>> ExportRunsAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.JobRuns.AsNoTracking().Where(j => j.Kind == JobKind.ExportCampaign).ToListAsync();
    }

    [Fact]
    public async Task ExportNow_QueuesAnExportOfTheCampaignRequestedByTheCaller()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);

        var request = await host.InScopeAsync<CampaignExportService, CampaignExportRequest>(s => s.ExportNowAsync(campaignId));

        var run = Assert.Single(await ExportRunsAsync(host, admin.TenantId));
        Assert.Equal((true, run.Id, admin.UserName, campaignId), (request.Queued, request.JobRunId!.Value, run.RequestedBy, JobParameters.Read<CampaignExportParameters>(run.ParametersJson).CampaignId));
    }

    [Fact]
    public async Task ExportNow_AsComplianceOfficer_IsRefusedInTheService()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<CampaignExportService, CampaignExportRequest>(s => s.ExportNowAsync(campaignId)));

        Assert.Empty(await ExportRunsAsync(host, admin.TenantId));
    }

    [Fact]
    public async Task ExportNow_WhileAnExportOfTheCampaignIsQueued_QueuesNoSecondAndNamesWhoAsked()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        var first = await host.InScopeAsync<CampaignExportService, CampaignExportRequest>(s => s.ExportNowAsync(campaignId));

        var second = await host.InScopeAsync<CampaignExportService, CampaignExportRequest>(s => s.ExportNowAsync(campaignId));

        Assert.Equal((false, first.JobRunId, 1), (second.Queued, second.JobRunId, (await ExportRunsAsync(host, admin.TenantId)).Count));
        Assert.StartsWith($"An export of “Spring newsletter” is already queued: asked by {admin.UserName}", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportNow_OfAWebCampaign_QueuesNothingAndSaysWhy()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId, channel: CampaignChannel.Web);

        var request = await host.InScopeAsync<CampaignExportService, CampaignExportRequest>(s => s.ExportNowAsync(campaignId));

        Assert.Equal((false, "“Spring newsletter” is a web campaign: its lists are served by the API with campaign=, not exported."), (request.Queued, request.Message));
        Assert.Empty(await ExportRunsAsync(host, admin.TenantId));
    }

    [Fact]
    public async Task ScheduleTrigger_ForARunningEmailCampaign_QueuesAnExportRequestedByItsSchedule()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);

        await host.InScopeAsync<ScheduledCampaignExport, bool>(async s =>
        {
            await s.TriggerAsync(admin.TenantId, campaignId, CancellationToken.None);
            return true;
        });

        Assert.Equal("export schedule of campaign “Spring newsletter”", Assert.Single(await ExportRunsAsync(host, admin.TenantId)).RequestedBy);
    }

    [Theory]
    [InlineData(CampaignState.Paused)]
    [InlineData(CampaignState.Draft)]
    [InlineData(CampaignState.Ended)]
    public async Task ScheduleTrigger_ForACampaignThatIsNotRunning_QueuesNothing(CampaignState state)
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId, state: state);

        var request = await host.InScopeAsync<CampaignExportService, CampaignExportRequest?>(s => s.ExportOnScheduleAsync(admin.TenantId, campaignId));

        Assert.False(request!.Queued);
        Assert.Empty(await ExportRunsAsync(host, admin.TenantId));
    }

    [Fact]
    public async Task ScheduleTrigger_WhileAnExportIsQueued_QueuesNoSecond()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        await host.InScopeAsync<CampaignExportService, CampaignExportRequest>(s => s.ExportNowAsync(campaignId));

        var request = await host.InScopeAsync<CampaignExportService, CampaignExportRequest?>(s => s.ExportOnScheduleAsync(admin.TenantId, campaignId));

        Assert.Equal((false, 1), (request!.Queued, (await ExportRunsAsync(host, admin.TenantId)).Count));
    }

    [Fact]
    public async Task SetSchedule_AddsTheRecurringJobAndAuditsTheChange_AndRemovingItRemovesTheJob()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();

        var view = await host.InScopeAsync<CampaignExportService, CampaignExportsView>(s => s.SetScheduleAsync(campaignId, "0 6 * * 1"));
        var set = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == HangfireCampaignExportSchedules.RecurringJobId(campaignId))?.Cron;
        await host.InScopeAsync<CampaignExportService, CampaignExportsView>(s => s.SetScheduleAsync(campaignId, null));

        Assert.Equal(("0 6 * * 1", "Every Monday at 06:00 UTC", new DateTime(2026, 7, 6, 6, 0, 0, DateTimeKind.Utc)), (set, view.ScheduleText, view.NextRuns[0]));
        Assert.DoesNotContain(connection.GetRecurringJobs(), j => j.Id == HangfireCampaignExportSchedules.RecurringJobId(campaignId));
        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.AsNoTracking().Where(e => e.Action == AuditActions.CampaignUpdated).OrderBy(e => e.Id).FirstAsync();
        Assert.Equal(("{\"Export schedule\":\"only when someone exports it\"}", "{\"Export schedule\":\"Every Monday at 06:00 UTC\"}"), (entry.Before, entry.After));
    }

    [Fact]
    public async Task SetSchedule_WithSomethingThatIsNotCron_IsRefusedAndNothingChanges()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => host.InScopeAsync<CampaignExportService, CampaignExportsView>(s => s.SetScheduleAsync(campaignId, "every monday")));

        Assert.StartsWith("\"every monday\" is not a cron expression", refused.Message, StringComparison.Ordinal);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Null((await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId)).ExportCron);
    }

    [Fact]
    public async Task SetSchedule_OnAWebCampaign_IsRefused()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId, channel: CampaignChannel.Web);

        await Assert.ThrowsAsync<ValidationException>(() => host.InScopeAsync<CampaignExportService, CampaignExportsView>(s => s.SetScheduleAsync(campaignId, "0 6 * * 1")));
    }

    [Fact]
    public async Task SetSchedule_AsComplianceOfficer_IsRefusedInTheService()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<CampaignExportService, CampaignExportsView>(s => s.SetScheduleAsync(campaignId, "0 6 * * 1")));
    }

    [Fact]
    public async Task Get_ListsAFinishedExportWithWhoAskedForIt_AndOpenGivesItsFile()
    {
        var (host, admin, blendId) = await StartTrainedAsync();
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        await MarketingConsentAsync(host, admin.TenantId, true, await EndUsersAsync(host, admin.TenantId, 3));
        await RunAsync(host, admin.TenantId, campaignId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        var view = await host.InScopeAsync<CampaignExportService, CampaignExportsView>(s => s.GetAsync(campaignId));
        var export = Assert.Single(view.Exports);
        var file = await host.InScopeAsync<CampaignExportService, CampaignExportDownload>(s => s.OpenAsync(campaignId, export.Id));
        await using var content = file.Content;

        Assert.Equal((3, 15, "marketer@example.test", true), (export.EndUserCount, export.RowCount, export.RequestedBy, view.CanManage));
        Assert.Equal(export.SizeBytes, content.Length);
        Assert.Equal("campaign-spring-newsletter-20260630-1200.csv", file.FileName);
    }

    [Fact]
    public async Task Get_ForAComplianceOfficer_ShowsTheExportsWithoutManaging()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        var campaignId = await AddCampaignAsync(host, admin.TenantId, blendId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        var view = await host.InScopeAsync<CampaignExportService, CampaignExportsView>(s => s.GetAsync(campaignId));

        Assert.Equal((false, true, 0), (view.CanManage, view.IsEmail, view.Exports.Count));
    }
}
