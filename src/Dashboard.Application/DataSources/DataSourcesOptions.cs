using System.ComponentModel.DataAnnotations;

namespace Dashboard.Application.DataSources;

/// <summary>Configuration section <c>DataSources</c>.</summary>
public sealed class DataSourcesOptions
{
    public const string Section = "DataSources";

    /// <summary>Largest file one upload may be; enforced while copying, before anything is held in memory. 200 MB by default.</summary>
    [Range(1, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Folder of uploaded files; relative to the app's content root.</summary>
    [Required]
    public string UploadPath { get; set; } = "data/uploads";

    /// <summary>
    /// SQLite data sources must be files inside this folder (relative to the content root): a tenant can
    /// then read only files an operator put there, never other files of the server.
    /// </summary>
    [Required]
    public string SqliteSourcePath { get; set; } = "data/sqlite-sources";

    /// <summary>
    /// An import running longer than this is stopped and rolled back. It holds the database's write lock
    /// (SQLite) for its whole run, so a runaway query must not hold it forever.
    /// </summary>
    [Range(1, 24 * 60)]
    public int MaxImportMinutes { get; set; } = 60;

    /// <summary>
    /// Events before this time are refused (a row error in imports, a problem in the events API) by
    /// <see cref="Ingestion.IngestionRules.Time"/>: 0001-01-01 or Unix 0 are missing dates, and stored they
    /// would fall outside every chart. Lower it for older history.
    /// </summary>
    public DateTime EarliestTimestampUtc { get; set; } = Ingestion.IngestionRules.DefaultEarliestUtc;

    /// <summary>The accepted event times at <paramref name="nowUtc"/>.</summary>
    public Ingestion.AcceptedTimes AcceptedTimes(DateTime nowUtc) =>
        new(DateTime.SpecifyKind(EarliestTimestampUtc, DateTimeKind.Utc), nowUtc);
}
