namespace Dashboard.Application.Reports;

/// <summary>One part of a <see cref="ReportDocument"/>: a heading, a paragraph, a table, a line chart or a bar chart.</summary>
public abstract record ReportBlock;
