using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;
using Hangfire;

namespace Dashboard.Infrastructure.Jobs;

/// <inheritdoc />
internal sealed class JobScheduler(ITenantDbContextFactory dbFactory, IBackgroundJobClient hangfire, TimeProvider time) : IJobScheduler
{
    public async Task<Guid> EnqueueAsync(Guid tenantId, JobKind kind, string? parametersJson, string requestedBy, CancellationToken cancellationToken = default)
    {
        var run = new JobRun
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            State = JobState.Queued,
            ParametersJson = parametersJson,
            RequestedBy = requestedBy,
            QueuedAtUtc = time.GetUtcNow().UtcDateTime,
            Message = "Waiting for a worker",
        };
        await using (var db = dbFactory.CreateForTenant(tenantId))
        {
            db.JobRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Only ids cross into Hangfire's storage: its dashboard must not reveal tenant data.
        hangfire.Enqueue<JobRunExecutor>(x => x.ExecuteAsync(tenantId, run.Id, CancellationToken.None));
        return run.Id;
    }
}
