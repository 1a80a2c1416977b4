using Dashboard.Application.Common;
using Dashboard.Application.Metrics;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Metrics;

public sealed partial class MetricsTrendCharts
{
    private List<TrendChart> _charts = [];

    [Parameter, EditorRequired]
    public IReadOnlyList<MetricsVersion> Versions { get; set; } = [];

    protected override void OnParametersSet()
    {
        var ascending = Versions.OrderBy(v => v.Number).ToList();
        // The chart's ticks are whole numbers, so shares between 0 and 1 are drawn as percentages.
        _charts =
        [
            Chart("Ranking measures (%)", "ranking-chart", ascending, 100, Pick("NDCG@10", "Precision@10", "Recall@10", "MAP@10")),
            Chart("Coverage and diversity (%)", "coverage-chart", ascending, 100, Pick("Coverage", "Diversity")),
            Chart("Novelty (bits)", "novelty-chart", ascending, 1, Pick("Novelty")),
        ];
    }

    private static Measure[] Pick(params string[] names) => [.. names.Select(n => Measures.All.Single(m => m.Name == n))];

    /// <summary>A chart over the versions that have every one of its measures; the others are named below it, never drawn as zero.</summary>
    private static TrendChart Chart(string title, string testId, IReadOnlyList<MetricsVersion> versions, double scale, Measure[] measures)
    {
        var drawn = versions.Where(v => measures.All(m => m.ValueOf(v.Metrics) is not null)).ToList();
        var skipped = versions.Except(drawn).Select(v => v.Number).ToList();
        var series = measures.Select(m => new ChartSeries<double>
        {
            Name = m.Name,
            Data = new ChartData<double>([.. drawn.Select(v => Math.Round(m.ValueOf(v.Metrics)!.Value * scale, 2))]),
        }).ToList();
        var leftOut = skipped.Count == 0 ? null
            : $"Left out: {PlainWords.Counted(skipped.Count, "version")} without {string.Join(" or ", measures.Select(m => m.Name))} (" +
              $"{string.Join(", ", skipped.Select(n => $"v{n}"))}).";
        return new TrendChart(title, testId, [.. drawn.Select(v => $"v{v.Number}")], series, leftOut,
            "A line needs at least two versions with these measures; train the blend again to see how they move.");
    }

    private sealed record TrendChart(string Title, string TestId, string[] Labels, List<ChartSeries<double>> Series, string? LeftOut, string TooFew);
}
