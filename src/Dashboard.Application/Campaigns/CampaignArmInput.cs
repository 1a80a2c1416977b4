namespace Dashboard.Application.Campaigns;

/// <summary>One arm as the campaign editor submits it.</summary>
/// <param name="Id">The arm's id when it already exists (kept, so results stay attributed to it); null for a new arm.</param>
public sealed record CampaignArmInput(string Name, Guid? BlendId, int SharePercent, Guid? Id = null);
