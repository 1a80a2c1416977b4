using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// A campaign as the pages show and edit it. <see cref="SegmentName"/> says "no segment yet" for a draft without one
/// and "segment deleted" when its segment is gone; <see cref="EffectiveState"/> adds the calendar to the state people set.
/// </summary>
public sealed record CampaignView(
    Guid Id, string Name, CampaignGoal Goal, CampaignChannel Channel, Guid? SegmentId, string SegmentName, CampaignRules Rules, int ListSize,
    DateTime StartsAtUtc, DateTime? EndsAtUtc, CampaignState State, CampaignState EffectiveState, IReadOnlyList<CampaignArmView> Arms,
    string? ExportCron, DateTime UpdatedAtUtc, Guid ConcurrencyStamp)
{
    public bool IsExperiment => Arms.Count > 1;

    /// <summary>Only drafts and paused campaigns are edited; a running one is paused first.</summary>
    public bool CanEdit => EffectiveState is CampaignState.Draft or CampaignState.Paused;

    public bool CanStart => EffectiveState == CampaignState.Draft;

    public bool CanPause => EffectiveState is CampaignState.Scheduled or CampaignState.Running;

    public bool CanResume => EffectiveState == CampaignState.Paused;

    public bool CanEnd => EffectiveState is CampaignState.Scheduled or CampaignState.Running or CampaignState.Paused;

    /// <summary>A scheduled or running campaign is paused or ended before it is deleted, so nothing it serves disappears unseen.</summary>
    public bool CanDelete => EffectiveState is not (CampaignState.Scheduled or CampaignState.Running);
}
