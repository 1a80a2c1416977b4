using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.DataSources;

/// <summary>One dataset of a source: its column mapping (files) or query (SQL), and the last uploaded file.</summary>
public sealed class DataSourceDataset : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid DataSourceId { get; set; }

    public DataSource? DataSource { get; set; }

    public DatasetKind Dataset { get; set; }

    /// <summary>JSON of the column mapping (source column → field, per-column flags).</summary>
    public string? ColumnMappingJson { get; set; }

    /// <summary>SQL sources: the SELECT that returns this dataset's rows.</summary>
    public string? Query { get; set; }

    /// <summary>File uploads: the stored file's name in the upload store (not a path the user chose).</summary>
    public string? StoredFileName { get; set; }

    public string? OriginalFileName { get; set; }

    public long? FileSizeBytes { get; set; }

    public DateTime? UploadedAtUtc { get; set; }
}
