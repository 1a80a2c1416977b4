using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.DataSources;

/// <summary>
/// Where a tenant's data comes from, and how to import it. Settings for every kind live on one row;
/// only those of <see cref="Kind"/> are used. Secrets (the SQL connection string) are stored only
/// encrypted with ASP.NET Core Data Protection.
/// </summary>
public sealed class DataSource : ITenantOwned
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public DataSourceKind Kind { get; set; }

    public ImportMode Mode { get; set; } = ImportMode.Append;

    public BadRowPolicy BadRows { get; set; } = BadRowPolicy.SkipBadRows;

    /// <summary>With <see cref="BadRowPolicy.RejectFileOnErrors"/>: how many bad rows reject the import.</summary>
    public int MaxErrors { get; set; } = 1;

    public UnknownItemPolicy UnknownItems { get; set; } = UnknownItemPolicy.CreatePlaceholder;

    /// <summary>Bot filter: end-users with more events than this on one day are dropped from the import. Null = off.</summary>
    public int? MaxEventsPerUserPerDay { get; set; }

    /// <summary>JSON object event type → weight (view 1, click 2, add_to_cart 3, purchase 5 by default).</summary>
    public string? EventWeightsJson { get; set; }

    public FileFormat FileFormat { get; set; } = FileFormat.Delimited;

    /// <summary>Null = detect from the file.</summary>
    public string? Delimiter { get; set; }

    /// <summary>Web name of the text encoding ("utf-8", "iso-8859-1"); null = detect.</summary>
    public string? Encoding { get; set; }

    public SqlProvider? SqlProvider { get; set; }

    /// <summary>The connection string, encrypted with Data Protection. Never shown again in full.</summary>
    public string? ProtectedConnectionString { get; set; }

    /// <summary>A redacted form shown in the UI (server and database, no credentials).</summary>
    public string? ConnectionStringHint { get; set; }

    /// <summary>Sample data: the vertical template name and the generator options as JSON.</summary>
    public string? SampleTemplate { get; set; }

    public string? SampleOptionsJson { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastImportAtUtc { get; set; }

    public ImportState? LastImportState { get; set; }

    public long? LastImportRows { get; set; }

    public List<DataSourceDataset> Datasets { get; set; } = [];
}
