using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Jobs;

/// <summary>The tenant's Jobs page: list runs, run one again, cancel one.</summary>
public sealed class JobService(
    ICurrentUser currentUser,
    ITenantDbContextFactory dbFactory,
    IJobScheduler scheduler,
    IEnumerable<IJobHandler> handlers,
    ILiveJobProgress live,
    IAuditLog audit,
    TimeProvider time)
{
    public async Task<IReadOnlyList<JobRunView>> ListAsync(int take = 50, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var runs = await db.JobRuns.AsNoTracking()
            .OrderByDescending(j => j.QueuedAtUtc)
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        return [.. runs.Select(run => run.State == JobState.Running && live.TryGet(run.Id, out var progress) ? JobRunView.From(run, progress) : JobRunView.From(run))];
    }

    /// <summary>The job kinds the caller may start or re-run (the page hides "run again" for the others).</summary>
    public async Task<IReadOnlySet<JobKind>> RunnableKindsAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        return handlers.Where(h => caller.Can(h.RequiredPolicy)).Select(h => h.Kind).ToHashSet();
    }

    /// <summary>The job kinds whose finished runs the caller may run again from the Jobs page.</summary>
    public async Task<IReadOnlySet<JobKind>> RerunnableKindsAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        return handlers.Where(h => h.CanRunAgain && caller.Can(h.RequiredPolicy)).Select(h => h.Kind).ToHashSet();
    }

    /// <summary>What running <paramref name="jobRunId"/> again would replace of the data stored now (the page asks to confirm it).</summary>
    public async Task<ReplacedData> WhatRunAgainReplacesAsync(Guid jobRunId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var (run, handler) = await LoadAsync(db, jobRunId, cancellationToken);
        caller.Demand(handler.RequiredPolicy);
        return await handler.WhatRunReplacesAsync(db, run.ParametersJson, cancellationToken);
    }

    /// <summary>
    /// Queues a run with the same parameters, requested by (and audited as) the caller. When the run
    /// replaces data, the audit entry keeps how much was stored when it was requested.
    /// </summary>
    public async Task<Guid> RunAgainAsync(Guid jobRunId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var (run, handler) = await LoadAsync(db, jobRunId, cancellationToken);
        caller.Demand(handler.RequiredPolicy);
        if (!handler.CanRunAgain)
        {
            throw new ValidationException($"\"{handler.Name}\" is not run again from the Jobs page; start it where it is explained.");
        }

        var replaced = await handler.WhatRunReplacesAsync(db, run.ParametersJson, cancellationToken);
        var again = scheduler.Enqueue(db, run.Kind, run.ParametersJson, caller);
        audit.Record(db, caller, "Job run again", handler.Name,
            replaced.ReplacesAnything ? $"stored: {replaced.Describe()}" : null,
            replaced.ReplacesAnything ? "replaced when the job runs" : null);
        await db.SaveChangesAsync(cancellationToken);
        return again.Id;
    }

    /// <summary>
    /// Cancels a queued or running run. A queued run ends at once and never starts; a running one is asked to
    /// stop (the node running it notices within about a second) and ends as cancelled, leaving nothing
    /// half-written, like a failure. Allowed to whoever may start that kind of job.
    /// </summary>
    public async Task<string> CancelAsync(Guid jobRunId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var (run, handler) = await LoadAsync(db, jobRunId, cancellationToken);
        caller.Demand(handler.RequiredPolicy);
        var now = time.GetUtcNow().UtcDateTime;
        var who = Truncate(caller.ActorName, 256);

        // Each update names the state it expects, so a run that the executor claims (or that finishes) at the
        // same moment is handled by exactly one of the two updates, or by neither when it has already ended.
        var stoppedQueued = await db.JobRuns.Where(j => j.Id == jobRunId && j.State == JobState.Queued).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Cancelled)
            .SetProperty(j => j.CancelRequestedAtUtc, now)
            .SetProperty(j => j.CancelRequestedBy, who)
            .SetProperty(j => j.FinishedAtUtc, now)
            .SetProperty(j => j.Message, $"Cancelled by {who} before it started"), cancellationToken);
        string outcome;
        string state;
        if (stoppedQueued == 1)
        {
            outcome = "Cancelled before it started.";
            state = "queued";
        }
        else
        {
            var askedRunning = await db.JobRuns.Where(j => j.Id == jobRunId && j.State == JobState.Running && j.CancelRequestedAtUtc == null).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.CancelRequestedAtUtc, now)
                .SetProperty(j => j.CancelRequestedBy, who), cancellationToken);
            if (askedRunning == 0)
            {
                var current = await db.JobRuns.AsNoTracking().Where(j => j.Id == jobRunId).Select(j => new { j.State, j.CancelRequestedBy }).FirstAsync(cancellationToken);
                return current.State == JobState.Running
                    ? $"Cancelling already — asked by {current.CancelRequestedBy}."
                    : $"Nothing to cancel: the job has already {PlainState(current.State)}.";
            }

            outcome = "Cancelling: the job stops within a few seconds and keeps nothing half-written.";
            state = "running";
        }

        audit.Record(db, caller, AuditActions.JobCancelled, handler.Name, state, null);
        await db.SaveChangesAsync(cancellationToken);
        return outcome;
    }

    private static string PlainState(JobState state) => state switch
    {
        JobState.Succeeded => "finished",
        JobState.Failed => "failed",
        JobState.Cancelled => "been cancelled",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];

    private async Task<(JobRun Run, IJobHandler Handler)> LoadAsync(IAppDbContext db, Guid jobRunId, CancellationToken cancellationToken)
    {
        var run = await db.JobRuns.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobRunId, cancellationToken)
            ?? throw new NotFoundException("That job does not exist.");
        return (run, HandlerFor(run.Kind));
    }

    private IJobHandler HandlerFor(JobKind kind) =>
        handlers.FirstOrDefault(h => h.Kind == kind)
        ?? throw new InvalidOperationException($"No handler is registered for job kind {kind}.");
}
