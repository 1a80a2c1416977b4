namespace Dashboard.Application.Campaigns;

/// <summary>One arm's figures on one UTC day: impressions are counted on the day the item was first shown, with the clicks and conversions they led to.</summary>
public sealed record CampaignResultsDay(DateOnly Day, long ListsServed, long Impressions, long Clicks, long Conversions)
{
    public double? Ctr => Impressions == 0 ? null : (double)Clicks / Impressions;

    public double? ConversionRate => Impressions == 0 ? null : (double)Conversions / Impressions;
}
