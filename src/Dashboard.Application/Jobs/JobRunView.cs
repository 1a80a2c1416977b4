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
            run.QueuedAtUtc, run.Duration)
        {
            CancelRequestedBy = run.CancelRequestedBy,
        };
    }

    /// <summary>Who asked to cancel the run, when someone did.</summary>
    public string? CancelRequestedBy { get; init; }

    /// <summary>True while the run can still be cancelled: queued, or running with no cancel asked yet.</summary>
    public bool CanCancel => State == JobState.Queued || (State == JobState.Running && CancelRequestedBy is null);
}
