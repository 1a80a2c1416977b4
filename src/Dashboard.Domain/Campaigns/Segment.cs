using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Campaigns;

/// <summary>
/// A saved, reusable audience: rules on end-user attributes (never sensitive ones), activity and consent,
/// combined with and/or, stored as JSON (the Application layer's <c>SegmentDefinition</c>). Membership is
/// worked out when asked, so a segment follows the data.
/// </summary>
public sealed class Segment : ITenantOwned
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The rules as JSON (<c>SegmentDefinition</c>).</summary>
    public required string DefinitionJson { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Changes with every save, so two people cannot overwrite each other's change unseen.</summary>
    public Guid ConcurrencyStamp { get; set; }
}
