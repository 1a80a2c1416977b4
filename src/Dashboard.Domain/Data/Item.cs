using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Data;

/// <summary>Something the tenant recommends: a product, a fund, a trip, a course.</summary>
public sealed class Item : ITenantOwned
{
    public const int ExternalIdMaxLength = 128;
    public const int TitleMaxLength = 256;
    public const int CategoryMaxLength = 128;
    public const int TagsMaxLength = 512;

    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public required string ExternalId { get; set; }

    public required string Title { get; set; }

    public string? Category { get; set; }

    /// <summary>Comma-separated tags, as imported.</summary>
    public string? Tags { get; set; }

    public decimal? Price { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>True for an item created only because an interaction named it before any item import did.</summary>
    public bool IsPlaceholder { get; set; }

    public List<ItemAttribute> Attributes { get; set; } = [];
}
