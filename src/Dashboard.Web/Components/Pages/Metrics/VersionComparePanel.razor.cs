using Dashboard.Application.Metrics;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Metrics;

public sealed partial class VersionComparePanel
{
    private Guid _firstId;
    private Guid _secondId;
    private MetricsComparison? _comparison;

    [Parameter, EditorRequired]
    public IReadOnlyList<MetricsVersion> Versions { get; set; } = [];

    [Inject]
    private MetricsService Metrics { get; set; } = default!;

    private IEnumerable<MetricsVersion> Newest => Versions.OrderByDescending(v => v.Number);

    /// <summary>Starts from the version before the newest to the newest: the change the last training made.</summary>
    protected override void OnParametersSet()
    {
        if (!Versions.Any(v => v.Id == _firstId) || !Versions.Any(v => v.Id == _secondId))
        {
            var newest = Newest.ToList();
            _secondId = newest.Count > 0 ? newest[0].Id : Guid.Empty;
            _firstId = newest.Count > 1 ? newest[1].Id : _secondId;
            _comparison = null;
        }
    }

    private async Task CompareAsync()
    {
        _comparison = await Metrics.CompareAsync(_firstId, _secondId);
    }
}
