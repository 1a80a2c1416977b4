namespace Dashboard.Application.Reports;

/// <summary>
/// Counts over time, one line per series, all series the length of <see cref="Labels"/>. The PDF draws it; the CSV
/// writes its figures as a table (one row per label), so nothing shown in the chart is missing from the data.
/// </summary>
public sealed record ReportLineChart(string Title, IReadOnlyList<string> Labels, IReadOnlyList<ReportSeries> Series) : ReportBlock;
