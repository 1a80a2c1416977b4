using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Campaigns;

/// <summary>
/// One finished export of an e-mail campaign's lists: a CSV file in the upload store, written whole by the
/// export job before this row is added (a failed export leaves neither). Downloadable from the campaign.
/// </summary>
public sealed class CampaignExport : ITenantOwned
{
    public const int StoredNameMaxLength = 200;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CampaignId { get; set; }

    /// <summary>The job run that wrote it.</summary>
    public Guid? JobRunId { get; set; }

    /// <summary>The file's name in the upload store (never a name a person chose).</summary>
    public required string StoredName { get; set; }

    public int EndUserCount { get; set; }

    public int RowCount { get; set; }

    public long SizeBytes { get; set; }

    /// <summary>The moment the segment and the models were read: the file is one consistent snapshot as of then.</summary>
    public DateTime SnapshotAtUtc { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
