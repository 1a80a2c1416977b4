using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Recommender.Fairness;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.BiasAudits;

public sealed partial class WhatIfPanel
{
    public const int MaxSettings = 5;

    private List<WhatIfSetting> _settings = [];
    private IReadOnlyList<WhatIfPoint>? _points;
    private HashSet<int> _pareto = [];
    private List<ChartSeries<double>> _chartSeries = [];
    private ScatterPlotChartOptions _chartOptions = new();
    private string? _error;
    private bool _running;

    [Parameter, EditorRequired]
    public Guid VersionId { get; set; }

    [Parameter, EditorRequired]
    public int VersionNumber { get; set; }

    [Parameter, EditorRequired]
    public WhatIfSetting VersionSetting { get; set; } = default!;

    /// <summary>The audit's blocking failures; those in the training data's outcome rates no re-ranking can change.</summary>
    [Parameter]
    public IReadOnlyList<Finding> BlockingFailures { get; set; } = [];

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private string? _unchangeable;

    protected override void OnParametersSet()
    {
        _unchangeable = UnchangeableText(BlockingFailures);
        if (_settings.Count == 0 || _settings[0] != VersionSetting)
        {
            _settings = [VersionSetting, VersionSetting with { MmrLambda = Math.Max(0, Math.Round(VersionSetting.MmrLambda - 0.2, 2)) }];
        }
    }

    internal static string? UnchangeableText(IReadOnlyList<Finding> blockingFailures)
    {
        var inData = blockingFailures.Where(f => f.Kind == FigureKind.OutcomeRateRatio).Select(f => BiasAuditQueries.LabelOf(f)).ToList();
        return inData.Count switch
        {
            0 => null,
            1 => $"Re-ranking changes what people are shown, not the training data: the blocking finding {inData[0]} stays whatever the setting.",
            _ => $"Re-ranking changes what people are shown, not the training data: the blocking findings {string.Join("; ", inData)} stay whatever the setting.",
        };
    }

    private void Set(int index, WhatIfSetting setting) => _settings[index] = setting;

    private void Add() => _settings.Add(_settings[^1] with { LongTailBoost = Math.Min(10, _settings[^1].LongTailBoost + 0.5) });

    private void Remove(int index) => _settings.RemoveAt(index);

    private async Task RunAsync()
    {
        // The what-if audit is registered with the audit job; resolving it here keeps the rest of the page usable where it is not.
        if (Services.GetService<IWhatIfAudit>() is not { } whatIf)
        {
            _error = "What-if audits are not available in this installation.";
            return;
        }

        _running = true;
        _error = null;
        try
        {
            _points = await whatIf.RunAsync(VersionId, [.. _settings], CancellationToken.None);
            _pareto = Pareto(_points);
            BuildChart(_points);
        }
        catch (Exception ex) when (ex is NotFoundException or ForbiddenAccessException or InvalidOperationException or ArgumentException)
        {
            _points = null;
            _error = ex.Message;
        }
        finally
        {
            _running = false;
        }
    }

    /// <summary>Indices of the points no other point beats on both NDCG@10 and the worst group ratio (higher is better on each).</summary>
    internal static HashSet<int> Pareto(IReadOnlyList<WhatIfPoint> points)
    {
        var optimal = new HashSet<int>();
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var dominated = points.Any(q => q != p
                && q.NdcgAt10 >= p.NdcgAt10 && q.WorstGroupRatio >= p.WorstGroupRatio
                && (q.NdcgAt10 > p.NdcgAt10 || q.WorstGroupRatio > p.WorstGroupRatio));
            if (!dominated)
            {
                optimal.Add(i);
            }
        }

        return optimal;
    }

    private void BuildChart(IReadOnlyList<WhatIfPoint> points)
    {
        (double, double) At(int i) => (Math.Round(Finite(points[i].WorstGroupRatio) * 100, 1), Math.Round(Finite(points[i].NdcgAt10) * 100, 2));
        var others = Enumerable.Range(0, points.Count).Where(i => i != 0 && !_pareto.Contains(i)).Select(At).ToList();
        var pareto = Enumerable.Range(0, points.Count).Where(i => i != 0 && _pareto.Contains(i)).Select(At).ToList();
        _chartSeries = [new() { Name = $"Version {VersionNumber}'s own setting", Data = new ChartData<double>([At(0)]) }];
        if (pareto.Count > 0)
        {
            _chartSeries.Add(new() { Name = "Pareto-optimal", Data = new ChartData<double>(pareto) });
        }

        if (others.Count > 0)
        {
            _chartSeries.Add(new() { Name = "Other settings", Data = new ChartData<double>(others) });
        }

        _chartOptions = new ScatterPlotChartOptions { XAxisTicks = 10, YAxisTicks = 5, PointRadius = 6, ShowToolTips = false };
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    internal static string Describe(WhatIfSetting s) => string.Create(CultureInfo.InvariantCulture,
        $"λ {s.MmrLambda:0.##}, boost {s.LongTailBoost:0.##}, {(s.MaxPerCategory is { } cap ? $"at most {cap} per category" : "no category cap")}");

    private static string F(double value, string format) => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "—";
}
