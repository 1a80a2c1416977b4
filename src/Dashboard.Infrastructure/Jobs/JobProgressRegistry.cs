using System.Collections.Concurrent;
using Dashboard.Application.Jobs;

namespace Dashboard.Infrastructure.Jobs;

/// <summary>
/// Latest progress of the jobs running in this process. SQLite allows one writer at a time, so while a
/// job holds its write transaction the progress row cannot be updated; pages on this node read the
/// live value from here and fall back to the stored row (other nodes, SQL Server) otherwise.
/// </summary>
public sealed class JobProgressRegistry : ILiveJobProgress
{
    private readonly ConcurrentDictionary<Guid, JobProgress> _live = new();

    public void Set(Guid jobRunId, JobProgress progress) => _live[jobRunId] = progress;

    public bool TryGet(Guid jobRunId, out JobProgress progress) => _live.TryGetValue(jobRunId, out progress);

    public void Remove(Guid jobRunId) => _live.TryRemove(jobRunId, out _);
}
