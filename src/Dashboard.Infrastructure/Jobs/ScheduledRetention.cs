using Dashboard.Application.Privacy.Retention;
using Hangfire;

namespace Dashboard.Infrastructure.Jobs;

/// <summary>
/// What a tenant's daily retention job runs: it only queues an EnforceRetention run (requested by the schedule), so
/// the deletion itself shows on the Jobs page like any other job. A run still queued or running is not doubled.
/// </summary>
public sealed class ScheduledRetention(RetentionService retention)
{
    [AutomaticRetry(Attempts = 2)]
    [JobDisplayName("Daily retention of tenant {0}")]
    public Task TriggerAsync(Guid tenantId, CancellationToken cancellationToken) =>
        retention.RunOnScheduleAsync(tenantId, cancellationToken);
}
