namespace Dashboard.Domain.Jobs;

public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
