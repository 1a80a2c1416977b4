using Dashboard.Application.Campaigns;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Campaigns;

public sealed partial class CampaignPreviewPanel
{
    private CampaignPreview? _preview;
    private bool _loading = true;
    private int _round;

    [Parameter, EditorRequired]
    public Guid CampaignId { get; set; }

    /// <summary>Changes whenever the campaign changed on the page (e.g. it started), so the preview is made again.</summary>
    [Parameter]
    public Guid Version { get; set; }

    [Inject]
    private CampaignPreviewService Preview { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task ShowOthersAsync()
    {
        _round++;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            _preview = await Preview.PreviewAsync(CampaignId, _round);
        }
        finally
        {
            _loading = false;
        }
    }

    private static string PlainWords(int count) => count switch
    {
        1 => "one",
        2 => "two",
        3 => "three",
        4 => "four",
        5 => "five",
        _ => count.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
