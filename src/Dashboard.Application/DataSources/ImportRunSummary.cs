using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources;

/// <summary>One import as the history and its report show it: what it imported and the counts of its outcome.</summary>
public sealed record ImportRunSummary(
    Guid Id, DatasetKind Dataset, ImportState State, DateTime QueuedAtUtc, string? Summary,
    long RowsRead, long RowsAccepted, long RowsRejected, long RowsDuplicate, long RowsFilteredAsBots, long PlaceholdersCreated)
{
    public static ImportRunSummary From(ImportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.Dataset, run.State, run.QueuedAtUtc, run.Summary,
            run.RowsRead, run.RowsAccepted, run.RowsRejected, run.RowsDuplicate, run.RowsFilteredAsBots, run.PlaceholdersCreated);
    }
}
