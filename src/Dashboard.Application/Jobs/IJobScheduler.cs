using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Jobs;

/// <summary>Queues background work for one tenant: writes a Queued JobRun, then hands it to Hangfire.</summary>
public interface IJobScheduler
{
    Task<Guid> EnqueueAsync(Guid tenantId, JobKind kind, string? parametersJson, string requestedBy, CancellationToken cancellationToken = default);
}
