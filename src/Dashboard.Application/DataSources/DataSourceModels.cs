using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources;

/// <summary>A row of the data sources list; <see cref="ReplacedBy"/> names what later replaced its imported data.</summary>
public sealed record DataSourceSummary(
    Guid Id, string Name, DataSourceKind Kind, DateTime? LastImportAtUtc, ImportState? LastImportState, long? LastImportRows, bool ImportInProgress)
{
    public string? ReplacedBy { get; init; }

    public DateTime? ReplacedAtUtc { get; init; }
}

/// <summary>What the editor edits. <see cref="ConnectionString"/> is write-only: null keeps the stored one.</summary>
public sealed record DataSourceInput
{
    public string Name { get; init; } = string.Empty;

    public DataSourceKind Kind { get; init; } = DataSourceKind.FileUpload;

    public ImportMode Mode { get; init; } = ImportMode.Append;

    public BadRowPolicy BadRows { get; init; } = BadRowPolicy.SkipBadRows;

    public int MaxErrors { get; init; } = 1;

    public UnknownItemPolicy UnknownItems { get; init; } = UnknownItemPolicy.CreatePlaceholder;

    public int? MaxEventsPerUserPerDay { get; init; }

    public string? EventWeightsJson { get; init; }

    public FileFormat FileFormat { get; init; } = FileFormat.Delimited;

    public string? Delimiter { get; init; }

    public string? Encoding { get; init; }

    public SqlProvider? SqlProvider { get; init; }

    public string? ConnectionString { get; init; }

    public IReadOnlyDictionary<DatasetKind, string?> Queries { get; init; } = new Dictionary<DatasetKind, string?>();

    public string? SampleTemplate { get; init; }

    public SampleDataOptions? SampleOptions { get; init; }
}

/// <summary>One dataset of a source as the editor shows it.</summary>
public sealed record DatasetDetails(DatasetKind Dataset, string? OriginalFileName, long? FileSizeBytes, DateTime? UploadedAtUtc, string? Query, ColumnMapping? Mapping);

/// <summary>A source for the editor: every setting except the connection string, of which only the hint is shown.</summary>
public sealed record DataSourceDetails(Guid Id, DataSourceInput Settings, string? ConnectionStringHint, bool HasConnectionString, IReadOnlyList<DatasetDetails> Datasets);

/// <summary>The mapping step: how the file was read, its header, the first rows and the current mapping.</summary>
public sealed record FilePreview(
    string Encoding, string Delimiter, IReadOnlyList<string> Header, IReadOnlyList<RawRow> Rows, ColumnMapping Mapping, string? Problem, string? EncodingReason = null);

/// <summary>One import as the history shows it, with live progress while it runs.</summary>
public sealed record ImportRunView(ImportRunSummary Run, int Progress, string? ProgressMessage);

/// <summary>One import's report: counts and the first 1,000 problems.</summary>
public sealed record ImportRunReport(ImportRunSummary Run, IReadOnlyList<ImportProblem> Errors);
