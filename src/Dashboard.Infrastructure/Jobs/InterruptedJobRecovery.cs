using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Infrastructure.Jobs;

/// <summary>
/// Fails runs that stopped without recording their outcome and lets each run's own handler clean up
/// after it (<see cref="IJobHandler.CleanUpInterruptedAsync"/>). A handler's writes are one
/// transaction, so the database already holds exactly the data from before the job; the rows must say so.
/// At start-up (<see cref="RecoverAsync"/>) the app calls it on the embedded (single-node SQLite) setup
/// only: with several nodes sharing SQL Server, start-up of one node must not fail another node's running job.
/// </summary>
public sealed class InterruptedJobRecovery(
    IDbContextFactory<DashboardDbContext> factory, IServiceScopeFactory scopes, TimeProvider time, ILogger<InterruptedJobRecovery> logger)
{
    private const string JobMessage = "Interrupted — nothing was changed";
    private const string StoppedReason = "The app stopped while this job was running.";

    /// <summary>
    /// Fails one run that Hangfire delivered again after the process running it died (any provider,
    /// any node): its transaction was never committed, so it is reported, not silently re-run.
    /// </summary>
    public async Task FailInterruptedRunAsync(Guid tenantId, Guid jobRunId, CancellationToken cancellationToken = default)
    {
        await FailAsync(tenantId, jobRunId, StoppedReason, cancellationToken);
        logger.LogWarning("Job run {JobRunId} was delivered again after an interruption and is marked as failed.", jobRunId);
    }

    /// <summary>Fails every run left running by a process that died (all tenants).</summary>
    public async Task RecoverAsync(CancellationToken cancellationToken = default)
    {
        List<(Guid TenantId, Guid Id)> running;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // Cross-tenant by nature: start-up has no tenant. Only ids are read; each run is failed in its own tenant.
            running = [.. (await db.JobRuns.IgnoreQueryFilters([DashboardDbContext.TenantFilter])
                .Where(j => j.State == JobState.Running)
                .Select(j => new { j.TenantId, j.Id })
                .ToListAsync(cancellationToken)).Select(j => (j.TenantId, j.Id))];
        }

        foreach (var (tenantId, id) in running)
        {
            await FailAsync(tenantId, id, StoppedReason, cancellationToken);
        }

        if (running.Count > 0)
        {
            logger.LogWarning("{Count} interrupted job run(s) marked as failed.", running.Count);
        }
    }

    /// <summary>
    /// Moves a queued or running run to Failed, then has its kind's handler clean up; the run's error
    /// says why it stopped and what its handler says that means for the data.
    /// </summary>
    public async Task FailAsync(Guid tenantId, Guid jobRunId, string reason, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.BindTenant(tenantId);
        var kind = await db.JobRuns.Where(j => j.Id == jobRunId && (j.State == JobState.Running || j.State == JobState.Queued))
            .Select(j => (JobKind?)j.Kind).FirstOrDefaultAsync(cancellationToken);
        if (kind is null)
        {
            return;
        }

        // Of two nodes failing the same run, exactly one moves it on and cleans up.
        var now = time.GetUtcNow().UtcDateTime;
        var failed = await db.JobRuns.Where(j => j.Id == jobRunId && (j.State == JobState.Running || j.State == JobState.Queued)).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Failed)
            .SetProperty(j => j.FinishedAtUtc, now)
            .SetProperty(j => j.Message, JobMessage)
            .SetProperty(j => j.Error, $"{reason} Its changes were rolled back; run it again."), cancellationToken);
        if (failed != 1)
        {
            return;
        }

        string consequence;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => h.Kind == kind);
            if (handler is null)
            {
                logger.LogError("No handler is registered for job kind {Kind}; run {JobRunId} was not cleaned up.", kind, jobRunId);
                return;
            }

            consequence = await handler.CleanUpInterruptedAsync(new InterruptedJob(tenantId, jobRunId, reason), cancellationToken);
        }

        var error = $"{reason} {consequence}";
        await db.JobRuns.Where(j => j.Id == jobRunId).ExecuteUpdateAsync(
            s => s.SetProperty(j => j.Error, error.Length <= JobRun.ErrorMaxLength ? error : error[..JobRun.ErrorMaxLength]), cancellationToken);
    }
}
