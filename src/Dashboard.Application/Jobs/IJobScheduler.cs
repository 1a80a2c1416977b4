using Dashboard.Application.Common;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Jobs;

/// <summary>
/// Queues background work as part of the caller's own unit of work: the Queued JobRun is added to the
/// caller's context and saved with the caller's other changes, and the run is handed to the job server
/// only once those changes are committed — never when they are not.
/// </summary>
public interface IJobScheduler
{
    JobRun Enqueue<TParameters>(IAppDbContext db, TParameters parameters, CallerContext requestedBy)
        where TParameters : IJobParameters;

    /// <summary>Queues parameters already stored as JSON (a run repeated as it was).</summary>
    JobRun Enqueue(IAppDbContext db, JobKind kind, string? parametersJson, CallerContext requestedBy);
}
