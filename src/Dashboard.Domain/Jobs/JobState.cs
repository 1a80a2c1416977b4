namespace Dashboard.Domain.Jobs;

public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,

    /// <summary>Stopped at someone's request; like a failure, it leaves nothing half-written.</summary>
    Cancelled,
}
