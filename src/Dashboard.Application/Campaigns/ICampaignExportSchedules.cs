namespace Dashboard.Application.Campaigns;

/// <summary>
/// The scheduled export of each e-mail campaign that has an export cron (a Hangfire recurring job in production).
/// The campaign service applies it whenever a campaign is saved, started, paused, ended or deleted; the job's id
/// holds only ids, never tenant data.
/// </summary>
public interface ICampaignExportSchedules
{
    /// <summary>Creates or updates the campaign's recurring export for <paramref name="cron"/> (five fields, UTC), or removes it when null.</summary>
    void Apply(Guid tenantId, Guid campaignId, string? cron);
}
