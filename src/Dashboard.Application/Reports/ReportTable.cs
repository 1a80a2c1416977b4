namespace Dashboard.Application.Reports;

/// <summary>A table with a header row; <see cref="EmptyText"/> is shown instead when it has no rows.</summary>
public sealed record ReportTable(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, string EmptyText) : ReportBlock;
