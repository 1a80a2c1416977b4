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
    public async Task RecoverAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Cross-tenant by nature: start-up has no tenant, and the update touches only state columns.
        var count = await db.JobRuns.IgnoreQueryFilters([DashboardDbContext.TenantFilter])
            .Where(j => j.State == JobState.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Failed)
                .SetProperty(j => j.FinishedAtUtc, time.GetUtcNow().UtcDateTime)
                .SetProperty(j => j.Message, "Interrupted — nothing was changed")
                .SetProperty(j => j.Error, "The app stopped while this job was running. Its changes were rolled back; run it again."),
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
                .SetProperty(r => r.Summary, "The app stopped during this import. Nothing was changed; import again."),
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
