using Dashboard.Domain.DataSources;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Infrastructure.Jobs;

/// <summary>
/// At start-up, marks runs left "Running" by a process that died as Failed. Their writes were one
/// transaction, so the database already holds exactly the data from before the job; the row must say so.
/// The app calls it on the embedded (single-node SQLite) setup only: with several nodes sharing SQL
/// Server, start-up of one node must not fail another node's running job.
/// </summary>
public sealed class InterruptedJobRecovery(IDbContextFactory<DashboardDbContext> factory, TimeProvider time, ILogger<InterruptedJobRecovery> logger)
{
    private const string JobMessage = "Interrupted — nothing was changed";
    private const string JobError = "The app stopped while this job was running. Its changes were rolled back; run it again.";
    private const string ImportSummary = "The app stopped during this import. Nothing was changed; import again.";

    /// <summary>
    /// Fails one run that Hangfire delivered again after the process running it died (any provider,
    /// any node): its transaction was never committed, so it is reported, not silently re-run.
    /// </summary>
    public async Task FailInterruptedRunAsync(Guid tenantId, Guid jobRunId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.BindTenant(tenantId);
        var now = time.GetUtcNow().UtcDateTime;
        await db.JobRuns.Where(j => j.Id == jobRunId && j.State == JobState.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Failed)
            .SetProperty(j => j.FinishedAtUtc, now)
            .SetProperty(j => j.Message, JobMessage)
            .SetProperty(j => j.Error, JobError), cancellationToken);
        var sources = await db.ImportRuns.Where(r => r.JobRunId == jobRunId).Select(r => r.DataSourceId).Distinct().ToListAsync(cancellationToken);
        await db.ImportRuns.Where(r => r.JobRunId == jobRunId && (r.State == ImportState.Running || r.State == ImportState.Queued)).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, ImportState.Failed)
            .SetProperty(r => r.FinishedAtUtc, now)
            .SetProperty(r => r.Summary, ImportSummary), cancellationToken);
        await db.DataSources.Where(d => sources.Contains(d.Id) && d.LastImportState == ImportState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastImportState, ImportState.Failed), cancellationToken);
        logger.LogWarning("Job run {JobRunId} was delivered again after an interruption and is marked as failed.", jobRunId);
    }

    public async Task RecoverAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Cross-tenant by nature: start-up has no tenant, and the update touches only state columns.
        var count = await db.JobRuns.IgnoreQueryFilters([DashboardDbContext.TenantFilter])
            .Where(j => j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Failed)
                .SetProperty(j => j.FinishedAtUtc, time.GetUtcNow().UtcDateTime)
                .SetProperty(j => j.Message, JobMessage)
                .SetProperty(j => j.Error, JobError),
                cancellationToken);
        if (count > 0)
        {
            logger.LogWarning("{Count} interrupted job run(s) marked as failed.", count);
        }

        // Imports of those jobs: their transaction was never committed, so the data is as before.
        var failedJobs = db.JobRuns.IgnoreQueryFilters([DashboardDbContext.TenantFilter]).Where(j => j.State == JobState.Failed).Select(j => (Guid?)j.Id);
        var imports = await db.ImportRuns.IgnoreQueryFilters([DashboardDbContext.TenantFilter])
            .Where(r => r.State == ImportState.Running || r.State == ImportState.Queued)
            .Where(r => r.State == ImportState.Running || failedJobs.Contains(r.JobRunId))
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, ImportState.Failed)
                .SetProperty(r => r.FinishedAtUtc, time.GetUtcNow().UtcDateTime)
                .SetProperty(r => r.Summary, ImportSummary),
                cancellationToken);
        if (imports > 0)
        {
            await db.DataSources.IgnoreQueryFilters([DashboardDbContext.TenantFilter])
                .Where(s => s.LastImportState == ImportState.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LastImportState, ImportState.Failed), cancellationToken);
            logger.LogWarning("{Count} interrupted import(s) marked as failed.", imports);
        }
    }
}
