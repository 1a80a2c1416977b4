using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Campaigns;

/// <summary>When a campaign may be exported: the same answer for "Export now", the schedule's trigger and the job itself.</summary>
public static class CampaignExportRules
{
    /// <summary>Why the campaign cannot be exported at <paramref name="nowUtc"/>; null when it can.</summary>
    public static string? Refusal(Campaign campaign, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.Channel != CampaignChannel.Email)
        {
            return $"“{campaign.Name}” is a {(campaign.Channel == CampaignChannel.Web ? "web" : "app")} campaign: its lists are served by the API with campaign=, not exported.";
        }

        var state = campaign.EffectiveState(nowUtc);
        return state == CampaignState.Running
            ? null
            : $"“{campaign.Name}” {Describe(state)}; only a running campaign's lists are exported.";
    }

    private static string Describe(CampaignState state) => state switch
    {
        CampaignState.Draft => "is a draft",
        CampaignState.Scheduled => "is scheduled and has not started yet",
        CampaignState.Paused => "is paused",
        _ => "has ended",
    };
}
