namespace Dashboard.Application.Campaigns;

/// <summary>What the campaign editor's pickers offer: the organisation's segments, blends and item categories.</summary>
public sealed record CampaignEditorChoices(IReadOnlyList<CampaignChoice> Segments, IReadOnlyList<CampaignChoice> Blends, IReadOnlyList<string> Categories);
