using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Campaigns;

/// <summary>What the campaign editor submits.</summary>
/// <param name="ConcurrencyStamp">The stamp the editor read (<see cref="CampaignView.ConcurrencyStamp"/>); ignored when adding a campaign.</param>
public sealed record CampaignInput(
    string Name, CampaignGoal Goal, CampaignChannel Channel, Guid? SegmentId, CampaignRules Rules, int ListSize,
    DateTime StartsAtUtc, DateTime? EndsAtUtc, IReadOnlyList<CampaignArmInput> Arms, Guid ConcurrencyStamp = default);
