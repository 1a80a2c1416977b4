using Dashboard.Application.Common;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.DataSources;

/// <summary>
/// Which source's data was later replaced, and by what: a sample-data import or job replaces the whole
/// data; a replace-mode import replaces the datasets it imported. Read from the import and job history,
/// so the data sources list says "Replaced by …" instead of counting rows that are gone.
/// </summary>
internal sealed class Replacements
{
    private readonly List<(DateTime At, string By, Guid? SourceId, IReadOnlySet<DatasetKind> Datasets)> _events;
    private readonly Dictionary<Guid, IReadOnlySet<DatasetKind>> _lastImported;

    private Replacements(
        List<(DateTime At, string By, Guid? SourceId, IReadOnlySet<DatasetKind> Datasets)> events, Dictionary<Guid, IReadOnlySet<DatasetKind>> lastImported)
    {
        _events = events;
        _lastImported = lastImported;
    }

    private static readonly IReadOnlySet<DatasetKind> Everything = new HashSet<DatasetKind> { DatasetKind.Interactions, DatasetKind.Items, DatasetKind.EndUserAttributes };

    public static async Task<Replacements> LoadAsync(IAppDbContext db, IReadOnlyList<DataSource> sources, CancellationToken cancellationToken)
    {
        var names = sources.ToDictionary(s => s.Id);
        var runs = await db.ImportRuns.AsNoTracking().Where(r => r.State == ImportState.Succeeded && r.FinishedAtUtc != null)
            .Select(r => new { r.DataSourceId, r.Dataset, r.Mode, FinishedAtUtc = r.FinishedAtUtc!.Value }).ToListAsync(cancellationToken);
        var events = new List<(DateTime At, string By, Guid? SourceId, IReadOnlySet<DatasetKind> Datasets)>();
        foreach (var import in runs.GroupBy(r => (r.DataSourceId, r.FinishedAtUtc)))
        {
            if (!names.TryGetValue(import.Key.DataSourceId, out var source))
            {
                continue;
            }

            if (source.Kind == DataSourceKind.SampleData)
            {
                events.Add((import.Key.FinishedAtUtc, source.Name, source.Id, Everything));
            }
            else if (import.Any(r => r.Mode == ImportMode.Replace))
            {
                events.Add((import.Key.FinishedAtUtc, source.Name, source.Id, import.Where(r => r.Mode == ImportMode.Replace).Select(r => r.Dataset).ToHashSet()));
            }
        }

        var jobs = await db.JobRuns.AsNoTracking().Where(j => j.Kind == JobKind.GenerateSampleData && j.State == JobState.Succeeded && j.FinishedAtUtc != null)
            .Select(j => j.FinishedAtUtc!.Value).ToListAsync(cancellationToken);
        events.AddRange(jobs.Select(at => (at, "the \"Generate sample data\" job", (Guid?)null, Everything)));

        var lastImported = runs.Where(r => names.TryGetValue(r.DataSourceId, out var s) && s.LastImportAtUtc == r.FinishedAtUtc)
            .GroupBy(r => r.DataSourceId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<DatasetKind>)(names[g.Key].Kind == DataSourceKind.SampleData ? Everything : g.Select(r => r.Dataset).ToHashSet()));
        return new Replacements(events, lastImported);
    }

    /// <summary>The latest later replacement that covers every dataset of the source's last successful import, if any.</summary>
    public (string By, DateTime At)? Of(DataSource source)
    {
        if (source.LastImportState != ImportState.Succeeded || source.LastImportAtUtc is not { } at || !_lastImported.TryGetValue(source.Id, out var datasets))
        {
            return null;
        }

        var later = _events.Where(e => e.At > at && e.SourceId != source.Id).OrderBy(e => e.At).ToList();
        var covered = new HashSet<DatasetKind>();
        foreach (var replacement in later)
        {
            covered.UnionWith(replacement.Datasets);
            if (datasets.IsSubsetOf(covered))
            {
                return (replacement.By, replacement.At);
            }
        }

        return null;
    }
}
