using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.Jobs;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.DataSources;

/// <summary>A source's import history with live progress, one import's report, and its errors as CSV.</summary>
public sealed class ImportHistoryService(
    ICurrentUser currentUser,
    ITenantDbContextFactory dbFactory,
    ILiveJobProgress live)
{
    public async Task<IReadOnlyList<ImportRunView>> HistoryAsync(Guid id, int take = 50, CancellationToken cancellationToken = default)
    {
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var source = await DataSourceAccess.LoadAsync(db, id, cancellationToken);
        var runs = await db.ImportRuns.AsNoTracking().Where(r => r.DataSourceId == id)
            .OrderByDescending(r => r.QueuedAtUtc).ThenBy(r => r.Dataset).Take(Math.Clamp(take, 1, 500)).ToListAsync(cancellationToken);
        // The datasets each job reads, in the order it reads them (a sample-data job makes them all at once).
        var datasetsOfJob = runs.Where(r => r.JobRunId is not null).GroupBy(r => r.JobRunId!.Value)
            .ToDictionary(g => g.Key, g => DatasetProgress.Order.Where(d => g.Any(r => r.Dataset == d)).ToList());
        var jobIds = runs.Where(r => r.JobRunId is not null && r.State is ImportState.Queued or ImportState.Running).Select(r => r.JobRunId!.Value).Distinct().ToList();
        var jobs = await db.JobRuns.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, cancellationToken);
        var views = new List<ImportRunView>(runs.Count);
        foreach (var run in runs)
        {
            var summary = ImportRunSummary.From(run);
            int percent = run.State == ImportState.Succeeded ? 100 : 0;
            string? message = null;
            if (run.JobRunId is { } jobId && jobs.TryGetValue(jobId, out var job))
            {
                if (job.State == JobState.Failed)
                {
                    // The job died (process stopped) before it could record the outcome of this import.
                    summary = summary with { State = ImportState.Failed, Summary = "The import was interrupted and nothing was changed. Import again." };
                }
                else if (live.TryGet(jobId, out var progress))
                {
                    (percent, message) = (progress.Percent, progress.Message);
                }
                else
                {
                    (percent, message) = (job.Progress, job.Message);
                }

                if (job.State != JobState.Failed && source.Kind != DataSourceKind.SampleData
                    && datasetsOfJob[jobId] is { Count: > 1 } planned && planned.IndexOf(run.Dataset) is var position and >= 0)
                {
                    percent = DatasetProgress.DatasetPercent(percent, position, planned.Count);
                    message = DatasetProgress.Message(percent);
                }
            }

            views.Add(new ImportRunView(summary, percent, message));
        }

        return views;
    }

    public async Task<ImportRunReport> ReportAsync(Guid importRunId, CancellationToken cancellationToken = default)
    {
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == importRunId, cancellationToken)
            ?? throw new NotFoundException("That import does not exist.");
        var errors = await db.ImportErrors.AsNoTracking().Where(e => e.ImportRunId == importRunId).OrderBy(e => e.Line).ThenBy(e => e.Id)
            .Take(ImportRun.MaxStoredErrors).Select(e => new ImportProblem(e.Line, e.Column, e.Value, e.Reason)).ToListAsync(cancellationToken);
        return new ImportRunReport(ImportRunSummary.From(run), errors);
    }

    /// <summary>The report's errors as CSV (UTF-8 with BOM for spreadsheets); formula-like cells are escaped.</summary>
    public async Task<(string FileName, byte[] Content)> ExportErrorsAsync(Guid importRunId, CancellationToken cancellationToken = default)
    {
        var report = await ReportAsync(importRunId, cancellationToken);
        var text = new StringBuilder();
        text.Append(CsvCells.Line("line", "column", "value", "reason")).Append("\r\n");
        foreach (var error in report.Errors)
        {
            var line = error.Line == ImportError.WholeInput ? null : error.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append(CsvCells.Line(line, error.Column, error.Value, error.Reason)).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return ($"import-errors-{report.Run.QueuedAtUtc:yyyyMMdd-HHmmss}-{ImportJobHandler.Label(report.Run.Dataset).Replace(' ', '-')}.csv", bytes);
    }
}
