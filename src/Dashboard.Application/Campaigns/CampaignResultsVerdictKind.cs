namespace Dashboard.Application.Campaigns;

/// <summary>Where a campaign's A/B test stands.</summary>
public enum CampaignResultsVerdictKind
{
    /// <summary>One arm: nothing to compare.</summary>
    NotAnExperiment,

    /// <summary>Some arm has fewer impressions than the fixed horizon; the test is not read yet.</summary>
    Collecting,

    /// <summary>At the horizon, at least one arm differs from the first arm beyond chance.</summary>
    Difference,

    /// <summary>At the horizon, no arm differs from the first arm beyond chance.</summary>
    NoClearDifference,
}
