using Dashboard.Domain.Data;
using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Privacy;

/// <summary>The generalisation hierarchy step a tenant chose for one quasi-identifying end-user attribute.</summary>
public sealed class AttributeGeneralisation : ITenantOwned
{
    public const int AttributeKeyMaxLength = EndUserAttribute.KeyMaxLength;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string AttributeKey { get; set; }

    public GeneralisationKind Kind { get; set; }

    /// <summary>Band width, characters kept or minimum count, depending on <see cref="Kind"/>.</summary>
    public int Parameter { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
