using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Campaigns;

/// <summary>
/// One arm of a campaign: a blend and the share of the segment it serves. A campaign without an experiment
/// has one arm of 100 %. Served lists and feedback name their arm, so results are attributed per arm.
/// </summary>
public sealed class CampaignArm : ITenantOwned
{
    public const int NameMaxLength = 50;

    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    /// <summary>How people call the arm ("A", "B", "Control").</summary>
    public required string Name { get; set; }

    /// <summary>The blend whose active version serves this arm; null when the blend was deleted (the campaign cannot start then).</summary>
    public Guid? BlendId { get; set; }

    /// <summary>Share of the segment, in whole percent; a campaign's arms add up to 100.</summary>
    public int SharePercent { get; set; }

    /// <summary>Order on the page and in the assignment's buckets.</summary>
    public int Position { get; set; }
}
