namespace Dashboard.Application.Reports;

/// <summary>A plain sentence or two, written for someone who is not an engineer.</summary>
public sealed record ReportParagraph(string Text) : ReportBlock;
