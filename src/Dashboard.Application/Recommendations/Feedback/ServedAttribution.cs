namespace Dashboard.Application.Recommendations.Feedback;

/// <summary>The campaign and arm a served list was made for (both null outside a campaign), copied onto its feedback.</summary>
internal sealed record ServedAttribution(Guid? CampaignId, Guid? CampaignArmId);
