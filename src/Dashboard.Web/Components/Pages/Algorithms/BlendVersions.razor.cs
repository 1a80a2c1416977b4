using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Application.Privacy;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Algorithms;

public sealed partial class BlendVersions
{
    private const string Numeric = "text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap";

    private IReadOnlyList<ModelVersionView>? _versions;
    private ModelVersionView? _selected;
    private VersionComparison? _comparison;
    private Guid _firstId;
    private Guid _secondId;
    private string? _error;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private LineChartOptions _chartOptions = new();
    private PrivateCounts? _groupSizes;
    private Guid _groupSizesFor;
    private Dictionary<Guid, VersionReleaseState> _releases = [];

    [Parameter, EditorRequired]
    public Guid BlendId { get; set; }

    [Parameter, EditorRequired]
    public string BlendName { get; set; } = string.Empty;

    [Parameter]
    public bool CanManage { get; set; }

    [Inject]
    private ModelVersionService Versions { get; set; } = default!;

    [Inject]
    private BiasAuditQueries Audits { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private ModelVersionView? Active => _versions?.FirstOrDefault(v => v.IsActive);

    private ModelVersionView? Selected => _selected ?? Active ?? (_versions is { Count: > 0 } all ? all[0] : null);

    /// <summary>The version a roll-back goes to: the newest ready one older than the active one (as the service picks it).</summary>
    private ModelVersionView? RollBackTarget => Active is { } active
        ? _versions!.Where(v => v.Number < active.Number && v.Status == ModelVersionStatus.Ready).MaxBy(v => v.Number)
        : null;

    protected override async Task OnParametersSetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        _versions = await Versions.ListAsync(BlendId);
        _releases = (await Audits.ReleaseStatesAsync(BlendId)).ToDictionary(r => r.VersionId);
        _selected = _selected is { } s ? _versions.FirstOrDefault(v => v.Id == s.Id) : null;
        if (_versions.Count > 0 && !_versions.Any(v => v.Id == _firstId))
        {
            _firstId = (Active ?? _versions[^1]).Id;
        }

        if (_versions.Count > 0 && (!_versions.Any(v => v.Id == _secondId) || _secondId == _firstId))
        {
            _secondId = _versions.FirstOrDefault(v => v.Id != _firstId)?.Id ?? _versions[0].Id;
        }

        var ascending = _versions.OrderBy(v => v.Number).ToList();
        _labels = [.. ascending.Select(v => $"v{v.Number}")];
        // MudChart's ticks are whole numbers, so measures between 0 and 1 are drawn as percentages.
        _series =
        [
            Series("NDCG@10", ascending, m => m.NdcgAt10),
            Series("Precision@10", ascending, m => m.PrecisionAt10),
            Series("Recall@10", ascending, m => m.RecallAt10),
            Series("MAP@10", ascending, m => m.MapAt10),
        ];
        _chartOptions = Shared.CountAxis.ForLine(_series);
    }

    /// <summary>Group sizes for people who see them withheld in the listing: noisy, spending ε the first time this month.</summary>
    private async Task ShowGroupSizesAsync(ModelVersionView version)
    {
        _groupSizes = await Versions.GroupSizesAsync(version.Id);
        _groupSizesFor = version.Id;
    }

    /// <summary>The version's review state, latest audit and, when the compliance gate would refuse it, why.</summary>
    private VersionReleaseState? ReleaseOf(ModelVersionView version) => _releases.GetValueOrDefault(version.Id);

    private PrivateCounts? GroupSizesOf(ModelVersionView version) => _groupSizesFor == version.Id ? _groupSizes : null;

    private static bool SizesWithheld(ModelVersionView version) => version.Metrics.Groups.Any(g => g.EndUsers == SensitiveGroupMetrics.Withheld);

    private string GroupSize(ModelVersionView version, SensitiveGroupMetrics group) =>
        group.EndUsers != SensitiveGroupMetrics.Withheld ? group.EndUsers.ToString("N0", CultureInfo.CurrentCulture)
        : GroupSizesOf(version)?.CountOf(ModelVersionService.GroupLabel(group)) is { } noisy ? noisy.ToString("N0", CultureInfo.CurrentCulture)
        : "—";

    private static ChartSeries<double> Series(string name, IEnumerable<ModelVersionView> versions, Func<VersionMetrics, double> measure) =>
        new() { Name = name + " %", Data = new ChartData<double>([.. versions.Select(v => Math.Round(measure(v.Metrics) * 100, 2))]) };

    private async Task CompareAsync()
    {
        _comparison = await Versions.CompareAsync(_firstId, _secondId);
    }

    private async Task ActivateAsync(ModelVersionView version)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Activate version {version.Number}?",
            ActivationWarning(BlendName, Active, version),
            yesText: $"Activate version {version.Number}", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        Report(await Versions.ActivateAsync(version.Id), $"Version {version.Number} of “{BlendName}” is active.");
        await LoadAsync();
    }

    private async Task RollBackAsync()
    {
        if (RollBackTarget is not { } target)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Roll back to version {target.Number}?",
            ActivationWarning(BlendName, Active, target),
            yesText: $"Roll back to version {target.Number}", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        Report(await Versions.RollBackAsync(BlendId), $"“{BlendName}” rolled back to version {target.Number}.");
        await LoadAsync();
    }

    private void Report(Result result, string success)
    {
        if (result.Succeeded)
        {
            _error = null;
            Snackbar.Add(success, Severity.Success);
        }
        else
        {
            _error = string.Join(" ", result.Errors);
        }
    }

    /// <summary>What changes for the organisation's customers when <paramref name="next"/> goes live, asked before it does.</summary>
    internal static string ActivationWarning(string blendName, ModelVersionView? current, ModelVersionView next)
    {
        var ndcg = current is null
            ? $"NDCG@10 {F(next.Metrics.NdcgAt10)}"
            : $"NDCG@10 {F(current.Metrics.NdcgAt10)} → {F(next.Metrics.NdcgAt10)}";
        var from = current is null ? "no version" : $"version {current.Number}";
        return $"Everyone served by “{blendName}” — the API for your shop, app and e-mails, campaigns and this dashboard — gets the recommendations of " +
            $"version {next.Number} instead of {from} from now on ({ndcg}). You can activate another version at any time.";
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Signed(double value) => value.ToString("+0.0000;−0.0000;0.0000", CultureInfo.InvariantCulture);

    private static string DeltaClass(double delta) => delta switch
    {
        > 0 => "mud-success-text",
        < 0 => "mud-error-text",
        _ => string.Empty,
    };
}
