namespace Dashboard.Domain.Campaigns;

/// <summary>
/// Where a campaign is in its life: draft → scheduled → running → ended, with paused beside running.
/// Stored as text. The stored state is what people set; <see cref="Campaign.EffectiveState"/> adds the
/// calendar (a scheduled campaign whose start has come is running; any campaign past its end has ended).
/// </summary>
public enum CampaignState
{
    Draft,
    Scheduled,
    Running,
    Paused,
    Ended,
}
