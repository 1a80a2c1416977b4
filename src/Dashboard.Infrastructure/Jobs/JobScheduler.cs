using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Persistence;
using Hangfire;

namespace Dashboard.Infrastructure.Jobs;

/// <inheritdoc />
internal sealed class JobScheduler(IBackgroundJobClient hangfire, InterruptedJobRecovery recovery, TimeProvider time) : IJobScheduler
{
    private const int RequestedByMaxLength = 256;
    private const string NotQueuedReason = "The job could not be queued.";

    public JobRun Enqueue<TParameters>(IAppDbContext db, TParameters parameters, CallerContext requestedBy)
        where TParameters : IJobParameters =>
        Enqueue(db, TParameters.Kind, JobParameters.Write(parameters), requestedBy);

    public JobRun Enqueue(IAppDbContext db, JobKind kind, string? parametersJson, CallerContext requestedBy)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requestedBy);
        var context = db as DashboardDbContext
            ?? throw new ArgumentException("Jobs are queued through the application's own database context.", nameof(db));
        if (requestedBy.TenantId != db.TenantId)
        {
            throw new TenantViolationException("A job was queued for another tenant than the context's.");
        }

        var name = requestedBy.ActorName;
        var run = new JobRun
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            State = JobState.Queued,
            ParametersJson = parametersJson,
            RequestedBy = name.Length <= RequestedByMaxLength ? name : name[..RequestedByMaxLength],
            QueuedAtUtc = time.GetUtcNow().UtcDateTime,
            Message = "Waiting for a worker",
        };
        db.JobRuns.Add(run);
        var tenantId = db.TenantId;
        context.AfterCommit(_ => HandOverAsync(tenantId, run.Id));
        return run;
    }

    private async Task HandOverAsync(Guid tenantId, Guid jobRunId)
    {
        try
        {
            // Only ids cross into Hangfire's storage: its dashboard must not reveal tenant data.
            hangfire.Enqueue<JobRunExecutor>(x => x.ExecuteAsync(tenantId, jobRunId, CancellationToken.None));
        }
        catch (BackgroundJobClientException)
        {
            // Never leave a queued run (and what it marked as queued) that no worker will pick up.
            await recovery.FailAsync(tenantId, jobRunId, NotQueuedReason, CancellationToken.None);
            throw;
        }
    }
}
