using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Training;

/// <summary>
/// "Train now" and the schedules' trigger: queues a TrainModel run for a blend unless one for the same
/// blend is already queued or running — then it says who started that one and when, instead of queuing a second.
/// </summary>
public sealed class ModelTrainingService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IJobScheduler scheduler)
{
    /// <summary>How the Jobs page and the audit log name the schedule of a blend as the requester of a run.</summary>
    public static string ScheduleOf(string blendName) => $"schedule of blend “{blendName}”";

    public async Task<TrainingRequest> TrainNowAsync(Guid blendId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ManageBlendsAndCampaigns);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var blend = await db.Blends.AsNoTracking().FirstOrDefaultAsync(b => b.Id == blendId, cancellationToken)
            ?? throw new NotFoundException("That blend does not exist.");
        return await QueueAsync(db, blend, new TrainModelParameters(blend.Id), caller, cancellationToken);
    }

    /// <summary>Called by a blend's recurring job: queues a run requested by the blend's schedule; a blend deleted since is ignored.</summary>
    public async Task<TrainingRequest?> TrainOnScheduleAsync(Guid tenantId, Guid blendId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        var blend = await db.Blends.AsNoTracking().FirstOrDefaultAsync(b => b.Id == blendId, cancellationToken);
        if (blend is null)
        {
            return null;
        }

        return await QueueAsync(db, blend, new TrainModelParameters(blend.Id), CallerContext.ForSystem(tenantId, ScheduleOf(blend.Name)), cancellationToken);
    }

    /// <summary>The queued or running training of the blend, if any (the one-at-a-time rule).</summary>
    public static Task<JobRun?> RunningAsync(IAppDbContext db, Guid blendId, Guid? other, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var marker = BlendMarker(blendId);
        return db.JobRuns.AsNoTracking()
            .Where(j => j.Kind == JobKind.TrainModel && (j.State == JobState.Queued || j.State == JobState.Running)
                && j.ParametersJson != null && j.ParametersJson.Contains(marker) && (other == null || j.Id != other))
            .OrderBy(j => j.QueuedAtUtc).ThenBy(j => j.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A sentence naming the training already under way.</summary>
    public static string AlreadyRunning(string blendName, JobRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var at = (run.StartedAtUtc ?? run.QueuedAtUtc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var state = run.State == JobState.Running ? "started" : "queued";
        return $"A training of “{blendName}” is already running: {state} by {run.RequestedBy ?? "someone"} at {at} UTC. Wait for it to finish (see Jobs).";
    }

    private async Task<TrainingRequest> QueueAsync(IAppDbContext db, Blend blend, TrainModelParameters parameters, CallerContext caller, CancellationToken cancellationToken)
    {
        if (await RunningAsync(db, blend.Id, null, cancellationToken) is { } running)
        {
            return new TrainingRequest(false, running.Id, AlreadyRunning(blend.Name, running));
        }

        var run = scheduler.Enqueue(db, parameters, caller);
        await db.SaveChangesAsync(cancellationToken);
        return new TrainingRequest(true, run.Id, $"Training of “{blend.Name}” queued; follow it on the Jobs page.");
    }

    /// <summary>The blend id as it appears in a run's stored parameters (System.Text.Json writes Guids in this form).</summary>
    private static string BlendMarker(Guid blendId) => $"\"BlendId\":\"{blendId:D}\"";
}
