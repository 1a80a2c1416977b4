using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Campaigns;

public sealed partial class CampaignResultsPanel
{
    private CampaignResults? _results;
    private string? _missing;

    [Inject]
    private CampaignResultsService Results { get; set; } = default!;

    [Parameter, EditorRequired]
    public Guid CampaignId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _results = null;
        _missing = null;
        try
        {
            _results = await Results.ForCampaignAsync(CampaignId);
        }
        catch (NotFoundException ex)
        {
            _missing = ex.Message;
        }
    }
}
