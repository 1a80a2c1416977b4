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
        var replaced = await handler.WhatRunReplacesAsync(db, run.ParametersJson, cancellationToken);
        var again = scheduler.Enqueue(db, run.Kind, run.ParametersJson, caller);
        audit.Record(db, caller, "Job run again", handler.Name,
            replaced.ReplacesAnything ? $"stored: {replaced.Describe()}" : null,
            replaced.ReplacesAnything ? "replaced when the job runs" : null);
        await db.SaveChangesAsync(cancellationToken);
        return again.Id;
    }

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
