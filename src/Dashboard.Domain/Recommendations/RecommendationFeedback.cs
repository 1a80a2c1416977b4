using Dashboard.Domain.Data;
using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.Recommendations;

/// <summary>
/// One impression, click or conversion of a recommended item, tied to the list it was served in by
/// <see cref="RecommendationId"/>. Points at the end-user and item rows, so erasing an end-user erases
/// their feedback with them.
/// </summary>
public sealed class RecommendationFeedback : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    /// <summary>The id the serving API gave the list (see <see cref="ServedRecommendation"/>).</summary>
    public required string RecommendationId { get; set; }

    public long EndUserId { get; set; }

    public EndUser? EndUser { get; set; }

    public long ItemId { get; set; }

    public Item? Item { get; set; }

    public FeedbackType Type { get; set; }

    /// <summary>Copied from the served list when the feedback is stored, so campaign results need no join: the campaign, or null.</summary>
    public Guid? CampaignId { get; set; }

    /// <summary>Copied from the served list: the campaign's arm, or null.</summary>
    public Guid? CampaignArmId { get; set; }

    public DateTime OccurredAtUtc { get; set; }

    public DateTime ReceivedAtUtc { get; set; }
}
