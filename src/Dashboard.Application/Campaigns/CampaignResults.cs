using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Campaigns;

/// <summary>What a campaign's lists did, arm by arm, per day, and the A/B verdict on its goal.</summary>
/// <param name="Days">Every UTC day on which any arm served a list or had an impression, oldest first.</param>
public sealed record CampaignResults(
    Guid CampaignId,
    string Name,
    CampaignGoal Goal,
    CampaignChannel Channel,
    CampaignState State,
    IReadOnlyList<CampaignResultsArm> Arms,
    IReadOnlyList<DateOnly> Days,
    CampaignVerdict Verdict)
{
    public bool HasData => Days.Count > 0;
}
