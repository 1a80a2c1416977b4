using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Data;

/// <summary>An extra fact about an item beyond the fixed fields (brand, author, duration…), as imported.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Domain name; not a .NET attribute.")]
public sealed class ItemAttribute : ITenantOwned
{
    public const int KeyMaxLength = 64;
    public const int ValueMaxLength = 256;

    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public long ItemId { get; set; }

    public Item? Item { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }
}
