using Dashboard.Application.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Metrics;

public sealed partial class MetricsPage
{
    private IReadOnlyList<MetricsBlend>? _blends;
    private MetricsHistory? _history;
    private Guid _blendId;

    [Inject]
    private MetricsService Metrics { get; set; } = default!;

    /// <summary>Opens on the blend with the most versions: the one whose history says most.</summary>
    protected override async Task OnInitializedAsync()
    {
        _blends = await Metrics.BlendsAsync();
        if (_blends.Count > 0)
        {
            await SelectBlendAsync(_blends.MaxBy(b => b.Versions)!.Id);
        }
    }

    private async Task SelectBlendAsync(Guid blendId)
    {
        _blendId = blendId;
        _history = null;
        _history = await Metrics.HistoryAsync(blendId);
    }
}
