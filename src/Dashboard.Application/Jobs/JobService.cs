using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Jobs;

/// <summary>The tenant's Jobs page: list runs, run one again.</summary>
public sealed class JobService(
    ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IJobScheduler scheduler, IEnumerable<IJobHandler> handlers, ILiveJobProgress live, IAuditLog audit)
{
    public async Task<IReadOnlyList<JobRun>> ListAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var runs = await db.JobRuns.AsNoTracking()
            .OrderByDescending(j => j.QueuedAtUtc)
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        foreach (var run in runs)
        {
            if (run.State == JobState.Running && live.TryGet(run.Id, out var progress))
            {
                run.Progress = progress.Percent;
                run.Message = progress.Message;
            }
        }

        return runs;
    }

    /// <summary>The job kinds the caller may start or re-run (the page hides "run again" for the others).</summary>
    public async Task<IReadOnlySet<JobKind>> RunnableKindsAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        return handlers.Where(h => caller.Can(h.RequiredPolicy)).Select(h => h.Kind).ToHashSet();
    }

    /// <summary>Queues a run with the same parameters, requested by (and audited as) the caller.</summary>
    public async Task<Guid> RunAgainAsync(Guid jobRunId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var run = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobRunId, cancellationToken)
            ?? throw new NotFoundException("That job does not exist.");
        var handler = HandlerFor(run.Kind);
        caller.Demand(handler.RequiredPolicy);
        var again = scheduler.Enqueue(db, run.Kind, run.ParametersJson, caller);
        audit.Record(db, caller, "Job run again", handler.Name, null, null);
        await db.SaveChangesAsync(cancellationToken);
        return again.Id;
    }

    private IJobHandler HandlerFor(JobKind kind) =>
        handlers.FirstOrDefault(h => h.Kind == kind)
        ?? throw new InvalidOperationException($"No handler is registered for job kind {kind}.");
}
