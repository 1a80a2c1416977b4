using Dashboard.Application.Common;

namespace Dashboard.Application.Jobs;

/// <summary>
/// What a running job is given: its tenant and run, the caller it acts as (the job, on behalf of whoever
/// requested it), its parameters as stored, a progress sink (percent 0–100 and a message) and cancellation.
/// </summary>
public sealed record JobContext(
    Guid JobRunId, CallerContext Caller, string? ParametersJson, IProgress<JobProgress> Progress, CancellationToken CancellationToken)
{
    public Guid TenantId => Caller.TenantId;

    /// <summary>The person (or system task, or API key) that asked for this run.</summary>
    public string RequestedBy => Caller.UserName;
}
