using System.Globalization;
using Dashboard.Application.Fairness;
using Dashboard.Recommender.Fairness;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.BiasAudits;

public sealed partial class AttributeFigures
{
    private const string Numeric = "text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap";

    private List<FigureChart> _charts = [];

    [Parameter, EditorRequired]
    public AttributeAudit Audit { get; set; } = default!;

    /// <summary>Every finding of the audit; this attribute's are picked out.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<Finding> Findings { get; set; } = [];

    [Parameter, EditorRequired]
    public FairnessThresholds Thresholds { get; set; } = default!;

    [Parameter]
    public bool ExactSizes { get; set; }

    [Parameter]
    public string? Generalised { get; set; }

    protected override void OnParametersSet()
    {
        var mine = Findings.Where(f => f.Attribute == Audit.Attribute).ToList();
        _charts = [.. new[]
        {
            Chart("quality", "Quality per group (ratio to the best group)", "P@10, Recall@10 and NDCG@10 of each group's lists over the best group's; 1 is parity.",
                mine, FigureKind.QualityRatio, f => f.Metric, Binding(Thresholds.Ratio)),
            Chart("exposure", "Exposure per category (ratio to the other groups)", "Each category's share of a group's recommendation slots over its share of the other groups' slots (disparate impact; the four-fifths rule).",
                mine, FigureKind.ExposureRatio, f => f.Category ?? f.Metric, Thresholds.Exposure),
            Chart("calibration", "Calibration (mean KL divergence)", "How far a group's recommended category mix strays from its history (Steck, 2018); 0 is perfectly calibrated, lower is better.",
                mine, FigureKind.CalibrationKl, _ => "calibration KL", Thresholds.CalibrationKl),
            Chart("outcomes", "Outcome rates in the training data (ratio to the best group)", "Conversions per funnel event in each category, over the best group's: a bias the model learned from the data shows here first.",
                mine, FigureKind.OutcomeRateRatio, f => f.Category ?? f.Metric, Binding(Thresholds.Ratio)),
        }.OfType<FigureChart>()];
    }

    /// <summary>
    /// A ratio to the best group is at most 1 by construction, so its upper bound can never fail a group; drawn, it
    /// would be the tallest bar on the chart and read as data.
    /// </summary>
    private static FairnessThreshold Binding(FairnessThreshold ratioToBest) => ratioToBest with { Upper = null };

    /// <summary>A failing figure as one line above its chart, e.g. "B · NDCG@10: 0.50 — below 0.8, blocking".</summary>
    internal static string FailureText(Finding finding)
    {
        var what = finding.Category is { } category ? $"{finding.Group} · {category}" : $"{finding.Group} · {finding.Metric}";
        var bound = finding.Threshold.Lower is { } lower && finding.Figure < lower
            ? $"below {lower.ToString("0.###", CultureInfo.InvariantCulture)}"
            : $"above {finding.Threshold.Upper?.ToString("0.###", CultureInfo.InvariantCulture)}";
        var format = finding.Kind == FigureKind.CalibrationKl ? "0.000" : "0.00";
        return $"{what}: {Fixed(finding.Figure, format)} — {bound}, {(finding.Threshold.Blocking ? "blocking" : "not blocking")}";
    }

    /// <summary>Null when the audit measured no figure of this kind for the attribute (e.g. no outcome events).</summary>
    private FigureChart? Chart(string key, string title, string explanation, List<Finding> findings, FigureKind kind, Func<Finding, string> seriesOf, FairnessThreshold threshold)
    {
        var these = findings.Where(f => f.Kind == kind).ToList();
        if (these.Count == 0)
        {
            return null;
        }

        var groups = Audit.Groups.Select(g => g.Group).ToList();
        // Outcome rates are over the group's end-users with funnel events in the training data, not its evaluated ones.
        var labels = Audit.Groups
            .Select(g => $"{g.Group} ({Size(kind == FigureKind.OutcomeRateRatio ? g.OutcomeUserCount : g.UserCount)}{(g.TooFewToJudge ? ", too few" : "")})")
            .ToArray();
        var series = these.GroupBy(seriesOf).Select(s => new ChartSeries<double>
        {
            Name = s.Key,
            Data = new ChartData<double>([.. groups.Select(g => s.FirstOrDefault(f => f.Group == g) is { } f ? ThresholdBarChart.Scaled(f.Figure) : 0)]),
        }).ToList();
        return new FigureChart(key, title, explanation, labels, series, threshold, [.. these.OrderBy(f => groups.IndexOf(f.Group)).ThenBy(seriesOf, StringComparer.Ordinal)]);
    }

    private string Size(int endUsers) => GroupSizeText.Describe(endUsers, ExactSizes);

    private static string Percent(double share) => double.IsFinite(share) ? (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—";

    private static string Fixed(double value, string format = "0.000") => double.IsFinite(value) ? value.ToString(format, CultureInfo.InvariantCulture) : "—";

    private static string VerdictText(Finding finding) => finding.Verdict switch
    {
        Verdict.Fail when finding.Threshold.Blocking => "fails — blocking",
        Verdict.Fail => "fails",
        Verdict.Warn => "warning",
        Verdict.TooFewToJudge => "too few to judge",
        Verdict.Undefined => "not defined",
        _ => "passes",
    };

    private sealed record FigureChart(string Key, string Title, string Explanation, string[] Labels, List<ChartSeries<double>> Series, FairnessThreshold Threshold, List<Finding> Findings);
}
