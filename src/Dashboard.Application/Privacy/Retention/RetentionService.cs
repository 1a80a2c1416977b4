using System.Globalization;
using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy.Retention;

/// <summary>
/// How long the organisation keeps interactions (<see cref="Domain.Privacy.PrivacySettings.RetentionDays"/>; empty keeps
/// them), its daily enforcement and "Run now". Every change is audited with its before and after.
/// </summary>
public sealed class RetentionService(
    ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IAuditLog audit, IJobScheduler scheduler, IRetentionSchedules schedules, TimeProvider time)
{
    public const int MaxRetentionDays = 36_500;

    /// <summary>How the Jobs page and the audit log name the daily run as the requester.</summary>
    public const string ScheduleName = "daily retention schedule";

    public async Task<RetentionView> GetAsync(int runs = 20, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.PrivacySettingsAsync(cancellationToken);
        var latest = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.StartedAtUtc).Take(Math.Clamp(runs, 1, 200)).ToListAsync(cancellationToken);
        return new RetentionView(settings.RetentionDays, [.. latest.Select(RetentionRunView.From)]);
    }

    /// <summary>Sets (or, with null, removes) the retention period; a field message instead when it is not a positive number of days.</summary>
    public async Task<IReadOnlyList<FieldMessage>> SetRetentionDaysAsync(int? days, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        if (days is <= 0)
        {
            return [new FieldMessage(nameof(RetentionView.RetentionDays), "Keep interactions for at least 1 day, or leave the field empty to keep them until they are erased.")];
        }

        if (days > MaxRetentionDays)
        {
            return [new FieldMessage(nameof(RetentionView.RetentionDays), $"At most {MaxRetentionDays:N0} days; leave the field empty to keep interactions.")];
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.PrivacySettingsForUpdateAsync(cancellationToken);
        if (settings.RetentionDays == days)
        {
            return [];
        }

        var before = settings.RetentionDays;
        settings.RetentionDays = days;
        settings.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        settings.UpdatedBy = caller.ActorName;
        audit.Record(db, caller, AuditActions.RetentionChanged, "Retention", Describe(before), Describe(days));
        await db.SaveChangesAsync(cancellationToken);
        schedules.Apply(caller.TenantId, days is not null);
        return [];
    }

    /// <summary>Queues a retention run now, unless one is queued or running (then that one's id).</summary>
    public async Task<Guid> RunNowAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        return await QueueAsync(caller, cancellationToken);
    }

    /// <summary>Called by the tenant's daily recurring job.</summary>
    public Task<Guid> RunOnScheduleAsync(Guid tenantId, CancellationToken cancellationToken = default) =>
        QueueAsync(CallerContext.ForSystem(tenantId, ScheduleName), cancellationToken);

    private async Task<Guid> QueueAsync(CallerContext caller, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var pending = await db.JobRuns.AsNoTracking()
            .Where(j => j.Kind == JobKind.EnforceRetention && (j.State == JobState.Queued || j.State == JobState.Running))
            .Select(j => (Guid?)j.Id).FirstOrDefaultAsync(cancellationToken);
        if (pending is { } id)
        {
            return id;
        }

        var run = scheduler.Enqueue(db, new EnforceRetentionParameters(), caller);
        await db.SaveChangesAsync(cancellationToken);
        return run.Id;
    }

    private static string? Describe(int? days) => days is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d} days") : null;
}
