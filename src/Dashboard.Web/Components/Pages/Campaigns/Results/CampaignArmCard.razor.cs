using Dashboard.Application.Campaigns;
using Dashboard.Domain.Campaigns;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Campaigns.Results;

public sealed partial class CampaignArmCard
{
    [Parameter, EditorRequired]
    public CampaignResultsArm Arm { get; set; } = default!;

    [Parameter, EditorRequired]
    public CampaignGoal Goal { get; set; }

    private string GoalTestId => Goal == CampaignGoal.Conversions ? "conversion-rate" : "ctr";

    private string BlendText => Arm.BlendName is { } name ? $"Blend “{name}”" : "Blend deleted";

    private IEnumerable<(string Label, string TestId, CampaignResultsRate Rate)> Rates
    {
        get
        {
            var ctr = ("CTR", "ctr", Arm.Ctr);
            var conversion = ("Conversion rate", "conversion-rate", Arm.ConversionRate);
            return Goal == CampaignGoal.Conversions ? [conversion, ctr] : [ctr, conversion];
        }
    }

    private IEnumerable<(string Label, string TestId, long Count)> Counts =>
    [
        ("Lists served", "lists-served", Arm.ListsServed),
        ("Impressions", "impressions", Arm.Impressions),
        ("Clicks", "clicks", Arm.Clicks),
        ("Conversions", "conversions", Arm.Conversions),
    ];
}
