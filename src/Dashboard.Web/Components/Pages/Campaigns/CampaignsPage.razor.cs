using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Campaigns;

public sealed partial class CampaignsPage
{
    private IReadOnlyList<CampaignView> _campaigns = [];
    private bool _loading = true;
    private bool _canManage;

    [Inject]
    private CampaignService Campaigns { get; set; } = default!;

    [Inject]
    private ICurrentUser CurrentUser { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canManage = (await CurrentUser.GetAsync()).Can(Policies.ManageBlendsAndCampaigns);
        _campaigns = await Campaigns.ListAsync();
        _loading = false;
    }

    /// <summary>"Default" for one arm; "A: Default 50 % · B: Popular 50 %" for an A/B test.</summary>
    internal static string ArmsText(CampaignView campaign) => campaign.IsExperiment
        ? string.Join(" · ", campaign.Arms.Select(a => $"{a.Name}: {a.BlendName} {a.SharePercent} %"))
        : campaign.Arms.Count > 0 ? campaign.Arms[0].BlendName : string.Empty;

    internal static string DatesText(CampaignView campaign) =>
        $"{UtcText.Format(campaign.StartsAtUtc)} → {(campaign.EndsAtUtc is { } end ? UtcText.Format(end) : "until ended")}";
}
