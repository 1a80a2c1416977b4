using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources;

/// <summary>Adds the queued import runs of a source and their job to one unit of work, for the caller to save together.</summary>
public static class ImportRequests
{
    public static IReadOnlyList<ImportRun> Enqueue(
        IAppDbContext db, IJobScheduler scheduler, DataSource source, IReadOnlyList<DatasetKind> datasets, CallerContext caller, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(caller);
        List<ImportRun> runs = [.. datasets.Select(d => new ImportRun
        {
            Id = Guid.CreateVersion7(), DataSourceId = source.Id, Dataset = d, Mode = source.Mode, State = ImportState.Queued, QueuedAtUtc = now, RequestedBy = caller.ActorName,
        })];
        db.ImportRuns.AddRange(runs);

        // Queued with the runs in one save: no job without its runs, no runs without their job.
        var job = scheduler.Enqueue(db, new ImportJobParameters(source.Id, [.. runs.Select(r => r.Id)]), caller);
        runs.ForEach(r => r.JobRunId = job.Id);
        return runs;
    }
}
