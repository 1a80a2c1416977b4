namespace Dashboard.Application.Reports;

/// <summary>One part of a <see cref="ReportDocument"/>: a heading, a paragraph, a table or a line chart.</summary>
public abstract record ReportBlock;
