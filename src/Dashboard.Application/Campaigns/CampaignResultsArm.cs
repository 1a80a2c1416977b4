namespace Dashboard.Application.Campaigns;

/// <summary>One arm's totals, its rates with intervals, and its figures per day (one entry per day of <see cref="CampaignResults.Days"/>, zeros where it had none).</summary>
/// <param name="BlendName">The arm's blend, or null when the blend was deleted.</param>
public sealed record CampaignResultsArm(
    Guid Id,
    string Name,
    string? BlendName,
    int SharePercent,
    long ListsServed,
    long Impressions,
    long Clicks,
    long Conversions,
    CampaignResultsRate Ctr,
    CampaignResultsRate ConversionRate,
    IReadOnlyList<CampaignResultsDay> Days);
