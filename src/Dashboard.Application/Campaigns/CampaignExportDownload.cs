namespace Dashboard.Application.Campaigns;

/// <summary>An export's file, open for reading; whoever serves it disposes <see cref="Content"/>.</summary>
public sealed record CampaignExportDownload(string FileName, Stream Content);
