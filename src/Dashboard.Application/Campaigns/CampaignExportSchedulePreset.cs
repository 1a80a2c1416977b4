namespace Dashboard.Application.Campaigns;

/// <summary>A schedule people pick by name instead of writing cron, e.g. "Every Monday at 06:00 UTC" = <c>0 6 * * 1</c>.</summary>
public sealed record CampaignExportSchedulePreset(string Label, string Cron);
