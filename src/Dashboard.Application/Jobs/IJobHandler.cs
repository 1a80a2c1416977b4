using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Jobs;

/// <summary>
/// The work behind one <see cref="JobKind"/>. Handlers get the tenant explicitly, report progress
/// 0–100 with a short message, and either commit all their results or none (one transaction).
/// </summary>
public interface IJobHandler
{
    JobKind Kind { get; }

    /// <summary>The capability a person needs to start (or re-run) this kind of job.</summary>
    string RequiredPolicy { get; }

    Task RunAsync(Guid tenantId, string? parametersJson, IProgress<JobProgress> progress, CancellationToken cancellationToken);
}
