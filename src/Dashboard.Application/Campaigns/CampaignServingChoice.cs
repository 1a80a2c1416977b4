using Dashboard.Application.Training;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// What a campaign serves one end-user: the campaign, the arm they are assigned to, that arm's blend's active model,
/// the campaign's rules and list size.
/// </summary>
public sealed record CampaignServingChoice(Guid CampaignId, string CampaignName, Guid ArmId, string ArmName, ActiveModel Model, CampaignRules Rules, int ListSize);
