using Dashboard.Application.Reports;

namespace Dashboard.Application.Fairness.Report;

/// <summary>A bias audit laid out as a document, and the file name (without extension) its downloads carry.</summary>
public sealed record BiasAuditReport(string FileStem, ReportDocument Document);
