using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Jobs;

/// <summary>A job run as the Jobs page and the Overview show it, with live progress while it runs.</summary>
public sealed record JobRunView(
    Guid Id, JobKind Kind, JobState State, int Progress, string? Message, string? Error, string? RequestedBy, DateTime QueuedAtUtc, TimeSpan? Duration)
{
    /// <summary><paramref name="live"/>, when given, replaces the stored progress (the job is running in this process).</summary>
    public static JobRunView From(JobRun run, JobProgress? live = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.Kind, run.State, live?.Percent ?? run.Progress, live is { } p ? p.Message : run.Message, run.Error, run.RequestedBy,
            run.QueuedAtUtc, run.Duration);
    }
}
