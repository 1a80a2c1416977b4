namespace Dashboard.Application.Campaigns;

/// <summary>A segment or blend the campaign editor offers.</summary>
public sealed record CampaignChoice(Guid Id, string Name);
