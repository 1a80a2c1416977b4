using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Jobs;

/// <summary>
/// The typed parameters of one job kind. The type names its kind, so a job cannot be queued with
/// another kind's parameters; they are stored on the JobRun as JSON so "run again" repeats them exactly.
/// </summary>
public interface IJobParameters
{
    static abstract JobKind Kind { get; }
}
