namespace Dashboard.Application.Reports;

/// <summary>Starts a section; the CSV writes it as the section's first line.</summary>
public sealed record ReportHeading(string Text) : ReportBlock;
