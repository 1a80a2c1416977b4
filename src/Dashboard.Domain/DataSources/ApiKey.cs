using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.DataSources;

/// <summary>
/// A tenant's key for the API (<c>/api/v1</c>), limited to its <see cref="Scopes"/>. The key (256 random bits) is shown once; only its SHA-256 hash
/// is stored, with a short prefix so people can tell keys apart.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the key, for display ("dk_AbC1…").</summary>
    public required string Prefix { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    /// <summary>Space-separated <see cref="ApiScopes"/> names: what requests with this key may do.</summary>
    public string Scopes { get; set; } = ApiScopes.Legacy;

    public DateTime CreatedAtUtc { get; set; }

    public string? CreatedBy { get; set; }

    public DateTime? RevokedAtUtc { get; set; }

    public DateTime? LastUsedAtUtc { get; set; }

    public bool IsActive => RevokedAtUtc is null;
}
