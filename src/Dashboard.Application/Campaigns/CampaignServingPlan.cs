using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// A campaign as serving holds it for a few seconds: everything a request needs to decide, without a database read.
/// <see cref="SegmentStamp"/> changes when the segment's rules change, so its cached members are then worked out again.
/// </summary>
internal sealed record CampaignServingPlan(
    Campaign Campaign, IReadOnlyList<CampaignArm> Arms, IReadOnlyDictionary<Guid, string> BlendNames, CampaignRules Rules,
    Guid? SegmentId, Guid SegmentStamp, string? SegmentDefinitionJson, DateTimeOffset LoadedAt);
