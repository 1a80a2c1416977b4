namespace Dashboard.Application.Campaigns;

/// <summary>A rate (clicks or conversions per impression) with its 95 % Wilson interval; no value without impressions.</summary>
public sealed record CampaignResultsRate(long Successes, long Trials, double? Value, double? Lower, double? Upper)
{
    public static CampaignResultsRate Of(long successes, long trials)
    {
        if (trials == 0)
        {
            return new CampaignResultsRate(successes, trials, null, null, null);
        }

        var (lower, upper) = CampaignStats.Wilson(successes, trials);
        return new CampaignResultsRate(successes, trials, (double)successes / trials, lower, upper);
    }
}
