namespace Dashboard.Application.Campaigns;

/// <summary>The answer to "Export now" (or to the schedule's trigger): whether a run was queued, which run, and a sentence for the page.</summary>
public sealed record CampaignExportRequest(bool Queued, Guid? JobRunId, string Message);
