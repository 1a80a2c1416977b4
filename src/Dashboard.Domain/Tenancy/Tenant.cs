namespace Dashboard.Domain.Tenancy;

/// <summary>An organisation using the dashboard. Not tenant-owned itself: it is the tenant.</summary>
public sealed class Tenant
{
    public const int NameMaxLength = 100;

    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Upper-cased, trimmed name; unique, so "Acme" and " acme " cannot both register.</summary>
    public required string NormalizedName { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
    }
}
