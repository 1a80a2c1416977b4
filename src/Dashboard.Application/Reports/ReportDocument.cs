namespace Dashboard.Application.Reports;

/// <summary>
/// A report as people read it — a title, whose it is, when it was made, then headings, sentences, tables and
/// charts in order — independent of the file it is written to (<see cref="ReportCsv"/>, <see cref="IReportPdfWriter"/>).
/// </summary>
public sealed record ReportDocument(string Title, string Organisation, DateTime GeneratedAtUtc, IReadOnlyList<ReportBlock> Blocks);
