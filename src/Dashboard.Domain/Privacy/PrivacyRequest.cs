using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Privacy;

/// <summary>
/// The receipt of an access or erasure request. It holds no personal data — not even the end-user id —
/// only when it was asked and answered, by whom and through which channel, whether anything was found,
/// the rows removed per table and the model versions affected.
/// </summary>
public sealed class PrivacyRequest : ITenantOwned
{
    public const int ReferenceMaxLength = 32;
    public const int RequestedByMaxLength = 256;
    public const int ChannelMaxLength = 64;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>A short receipt number to quote to the end-user (e.g. "ER-20261130-7F3A").</summary>
    public required string Reference { get; set; }

    public PrivacyRequestKind Kind { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    public DateTime? CompletedAtUtc { get; set; }

    public required string RequestedBy { get; set; }

    /// <summary>"Privacy page" or "API".</summary>
    public required string Channel { get; set; }

    /// <summary>False when the tenant holds nothing under the id given.</summary>
    public bool Found { get; set; }

    /// <summary>Erasure: rows removed per table, as a JSON object of table name → count.</summary>
    public string? RowsRemovedJson { get; set; }

    /// <summary>Erasure: the model versions that held the end-user and were retrained, as a JSON array.</summary>
    public string? ModelVersionsAffectedJson { get; set; }
}
