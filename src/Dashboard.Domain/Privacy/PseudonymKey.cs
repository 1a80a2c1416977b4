using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Privacy;

/// <summary>
/// A tenant's HMAC-SHA256 key for pseudonymising end-user ids, kept encrypted with Data Protection in its
/// own table (never with the data it keys). The key without <see cref="RetiredAtUtc"/> is the current one;
/// a rotation retires it once every stored id has been re-keyed.
/// </summary>
public sealed class PseudonymKey : ITenantOwned
{
    public const int ProtectedKeyMaxLength = 1024;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The key, protected by Data Protection (base64 text).</summary>
    public required string ProtectedKey { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? RetiredAtUtc { get; set; }
}
