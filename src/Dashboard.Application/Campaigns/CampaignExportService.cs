using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// An e-mail campaign's exports: "Export now", the export schedule and its trigger, the list of finished exports and
/// their files. Everyone may see the list; exporting, scheduling and downloading (the file holds end-user ids) need
/// ManageBlendsAndCampaigns. One export of a campaign at a time: a second request names the one under way.
/// </summary>
public sealed class CampaignExportService(
    ICurrentUser currentUser,
    ITenantDbContextFactory dbFactory,
    IJobScheduler scheduler,
    ICampaignExportSchedules schedules,
    IUploadStore uploads,
    ILiveJobProgress live,
    IAuditLog audit,
    TimeProvider time)
{
    public const int NextRunsShown = 3;

    public const int ExportsShown = 50;

    /// <summary>How the Jobs page and the audit log name a campaign's schedule as the requester of a run.</summary>
    public static string ScheduleOf(string campaignName) => $"export schedule of campaign “{campaignName}”";

    public async Task<CampaignExportsView> GetAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaign = await FindAsync(db, campaignId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var exports = await db.CampaignExports.AsNoTracking().Where(e => e.CampaignId == campaignId)
            .OrderByDescending(e => e.CreatedAtUtc).Take(ExportsShown).ToListAsync(cancellationToken);
        var runIds = exports.Where(e => e.JobRunId != null).Select(e => e.JobRunId!.Value).ToList();
        var requesters = await db.JobRuns.AsNoTracking().Where(j => runIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.RequestedBy, cancellationToken);
        var running = await UnderWayAsync(db, campaignId, cancellationToken);
        var runningView = running is null ? null
            : running.State == JobState.Running && live.TryGet(running.Id, out var progress) ? JobRunView.From(running, progress) : JobRunView.From(running);
        return new CampaignExportsView(
            campaign.Id, campaign.Name, campaign.Channel == CampaignChannel.Email, caller.Can(Policies.ManageBlendsAndCampaigns),
            CampaignExportRules.Refusal(campaign, now), campaign.ExportCron, CampaignExportSchedule.Describe(campaign.ExportCron),
            CampaignExportSchedule.NextRuns(campaign.ExportCron, now, NextRunsShown), runningView,
            [.. exports.Select(e => new CampaignExportView(e.Id, e.CreatedAtUtc, e.SnapshotAtUtc, e.EndUserCount, e.RowCount, e.SizeBytes,
                e.JobRunId is { } run ? requesters.GetValueOrDefault(run) : null))],
            campaign.ConcurrencyStamp);
    }

    /// <summary>"Export now": queues an export of a running e-mail campaign as the caller, unless one is under way or the campaign cannot be exported.</summary>
    public async Task<CampaignExportRequest> ExportNowAsync(Guid campaignId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageBlendsAndCampaigns);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var campaign = await FindAsync(db, campaignId, cancellationToken);
        return await QueueAsync(db, campaign, caller, cancellationToken);
    }

    /// <summary>
    /// Called by a campaign's recurring job: queues an export requested by the campaign's schedule when the campaign is an
    /// e-mail campaign running now and no export of it is queued or running; otherwise queues nothing and says why. A
    /// campaign deleted since is ignored (null).
    /// </summary>
    public async Task<CampaignExportRequest?> ExportOnScheduleAsync(Guid tenantId, Guid campaignId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        var campaign = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        return campaign is null ? null : await QueueAsync(db, campaign, CallerContext.ForSystem(tenantId, ScheduleOf(campaign.Name)), cancellationToken);
    }

    /// <summary>
    /// Sets (or, with null or blank, removes) the e-mail campaign's export schedule: a five-field cron expression in UTC,
    /// e.g. a preset's. Audited as a change of the campaign's "Export schedule"; the recurring job follows at once.
    /// </summary>
    public async Task<CampaignExportsView> SetScheduleAsync(Guid campaignId, string? cron, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageBlendsAndCampaigns);
        var wanted = string.IsNullOrWhiteSpace(cron) ? null : cron.Trim();
        await using (var db = dbFactory.CreateForTenant(caller.TenantId))
        {
            var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
                ?? throw new NotFoundException("That campaign does not exist.");
            if (wanted is not null && campaign.Channel != CampaignChannel.Email)
            {
                throw new ValidationException($"“{campaign.Name}” is not an e-mail campaign; only e-mail campaigns are exported on a schedule.");
            }

            if (wanted is not null && CampaignExportSchedule.Validate(wanted) is { } problem)
            {
                throw new ValidationException(problem);
            }

            if (campaign.ExportCron != wanted)
            {
                var before = CampaignExportSchedule.Describe(campaign.ExportCron);
                campaign.ExportCron = wanted;
                campaign.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
                campaign.ConcurrencyStamp = Guid.NewGuid();
                audit.Record(db, caller, AuditActions.CampaignUpdated, campaign.Name,
                    AuditFields.Write(("Export schedule", before)), AuditFields.Write(("Export schedule", CampaignExportSchedule.Describe(wanted))));
                await db.SaveChangesAsync(cancellationToken);
                schedules.Apply(caller.TenantId, campaign.Id, wanted);
            }
        }

        return await GetAsync(campaignId, cancellationToken);
    }

    /// <summary>The file of one export of the campaign, for download; the export is looked up in the caller's organisation only.</summary>
    public async Task<CampaignExportDownload> OpenAsync(Guid campaignId, Guid exportId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageBlendsAndCampaigns);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var found = await db.CampaignExports.AsNoTracking().Where(e => e.Id == exportId && e.CampaignId == campaignId)
            .Join(db.Campaigns, e => e.CampaignId, c => c.Id, (e, c) => new { e.StoredName, e.SnapshotAtUtc, c.Name })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("That export does not exist.");
        try
        {
            var content = await uploads.OpenReadAsync(caller.TenantId, found.StoredName, cancellationToken);
            return new CampaignExportDownload(CampaignExportCsv.FileName(found.Name, found.SnapshotAtUtc), content);
        }
        catch (FileNotFoundException ex)
        {
            throw new NotFoundException("The export's file is no longer stored.", ex);
        }
    }

    private static async Task<Campaign> FindAsync(IAppDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
        ?? throw new NotFoundException("That campaign does not exist.");

    private async Task<CampaignExportRequest> QueueAsync(IAppDbContext db, Campaign campaign, CallerContext caller, CancellationToken cancellationToken)
    {
        if (CampaignExportRules.Refusal(campaign, time.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return new CampaignExportRequest(false, null, refusal);
        }

        if (await UnderWayAsync(db, campaign.Id, cancellationToken) is { } run)
        {
            var at = (run.StartedAtUtc ?? run.QueuedAtUtc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            return new CampaignExportRequest(false, run.Id,
                $"An export of “{campaign.Name}” is already {(run.State == JobState.Running ? "running" : "queued")}: asked by {run.RequestedBy ?? "someone"} at {at} UTC. Wait for it to finish.");
        }

        var queued = scheduler.Enqueue(db, new CampaignExportParameters(campaign.Id), caller);
        await db.SaveChangesAsync(cancellationToken);
        return new CampaignExportRequest(true, queued.Id, $"Export of “{campaign.Name}” queued; it appears below when the file is complete.");
    }

    /// <summary>The queued or running export of the campaign, if any (the one-at-a-time rule).</summary>
    private static Task<JobRun?> UnderWayAsync(IAppDbContext db, Guid campaignId, CancellationToken cancellationToken)
    {
        // The campaign id as it appears in a run's stored parameters (System.Text.Json writes Guids in this form).
        var marker = $"\"CampaignId\":\"{campaignId:D}\"";
        return db.JobRuns.AsNoTracking()
            .Where(j => j.Kind == JobKind.ExportCampaign && (j.State == JobState.Queued || j.State == JobState.Running)
                && j.ParametersJson != null && j.ParametersJson.Contains(marker))
            .OrderBy(j => j.QueuedAtUtc).ThenBy(j => j.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
