using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Data;

/// <summary>
/// One key/value fact about an end-user (age band, region…). Flags tell later features how to treat it:
/// sensitive attributes group users in bias audits; quasi-identifiers are generalised for k-anonymity.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Domain name from the product spec; not a .NET attribute.")]
public sealed class EndUserAttribute : ITenantOwned
{
    public const int KeyMaxLength = 64;
    public const int ValueMaxLength = 256;

    /// <summary>The column's length: a sensitive value is stored encrypted, which makes it longer than it was sent.</summary>
    public const int StoredValueMaxLength = 2048;

    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public long EndUserId { get; set; }

    public EndUser? EndUser { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }

    public bool IsSensitive { get; set; }

    public bool IsQuasiIdentifier { get; set; }
}
