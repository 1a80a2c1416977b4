using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Data;

/// <summary>A person the tenant recommends to (a shopper, a customer), known by the tenant's own id.</summary>
public sealed class EndUser : ITenantOwned
{
    public const int ExternalIdMaxLength = 128;

    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public required string ExternalId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public List<EndUserAttribute> Attributes { get; set; } = [];
}
