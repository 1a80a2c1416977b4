using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.DataSources;

/// <summary>One import of one dataset: what was read, accepted and rejected, and why.</summary>
public sealed class ImportRun : ITenantOwned
{
    /// <summary>At most this many errors are kept per import (the counts stay exact).</summary>
    public const int MaxStoredErrors = 1000;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid DataSourceId { get; set; }

    public Guid? JobRunId { get; set; }

    public DatasetKind Dataset { get; set; }

    public ImportMode Mode { get; set; }

    public ImportState State { get; set; }

    public DateTime QueuedAtUtc { get; set; }

    public DateTime? StartedAtUtc { get; set; }

    public DateTime? FinishedAtUtc { get; set; }

    public long RowsRead { get; set; }

    public long RowsAccepted { get; set; }

    public long RowsRejected { get; set; }

    public long RowsDuplicate { get; set; }

    public long RowsFilteredAsBots { get; set; }

    public long PlaceholdersCreated { get; set; }

    /// <summary>A sentence a marketer understands: what happened, and what to do.</summary>
    public string? Summary { get; set; }

    public string? RequestedBy { get; set; }
}
