namespace Dashboard.Application.Reports;

/// <summary>
/// One bar per category and series (all series the length of <see cref="Categories"/>; NaN where a figure is
/// undefined), with an optional reference line at <see cref="Threshold"/> named by <see cref="ThresholdLabel"/>, e.g.
/// each group's NDCG@10 ratio to the best group against the 0.8 line. The PDF draws it; the CSV and the screen show
/// its figures as a table, so nothing in the chart is missing from the data.
/// </summary>
public sealed record ReportBarChart(
    string Title,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ReportSeries> Series,
    double? Threshold = null,
    string? ThresholdLabel = null) : ReportBlock
{
    /// <summary>How a figure of the chart is written in its table (two decimals; "–" where undefined).</summary>
    public static string Format(double value) =>
        double.IsFinite(value) ? value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
