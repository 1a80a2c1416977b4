namespace Dashboard.Application.Reports;

public sealed record ReportSeries(string Name, IReadOnlyList<double> Values);
