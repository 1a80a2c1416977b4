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

    /// <summary>The blend to open on (e.g. linked from a blend's versions); otherwise the one with the most versions, whose history says most.</summary>
    [SupplyParameterFromQuery(Name = "blend")]
    public Guid? BlendId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        _blends = await Metrics.BlendsAsync();
        if (_blends.Count > 0)
        {
            var chosen = _blends.FirstOrDefault(b => b.Id == BlendId) ?? _blends.MaxBy(b => b.Versions)!;
            await SelectBlendAsync(chosen.Id);
        }
    }

    private async Task SelectBlendAsync(Guid blendId)
    {
        _blendId = blendId;
        _history = null;
        _history = await Metrics.HistoryAsync(blendId);
    }
}
