namespace Dashboard.Domain.Campaigns;

/// <summary>What a campaign is judged by. Stored as text.</summary>
public enum CampaignGoal
{
    /// <summary>Clicks per impression (CTR).</summary>
    Clicks,

    /// <summary>Conversions per impression.</summary>
    Conversions,
}
