namespace Dashboard.Application.Jobs;

/// <summary>Progress of jobs running in this process, fresher than the stored row while a job holds a write lock.</summary>
public interface ILiveJobProgress
{
    bool TryGet(Guid jobRunId, out JobProgress progress);
}
