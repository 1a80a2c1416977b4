using Dashboard.Application.Campaigns;
using Hangfire;

namespace Dashboard.Infrastructure.Jobs;

/// <inheritdoc />
internal sealed class HangfireCampaignExportSchedules(IRecurringJobManager recurring) : ICampaignExportSchedules
{
    public static string RecurringJobId(Guid campaignId) => $"export-campaign-{campaignId:N}";

    public void Apply(Guid tenantId, Guid campaignId, string? cron)
    {
        if (cron is null)
        {
            recurring.RemoveIfExists(RecurringJobId(campaignId));
            return;
        }

        // Only ids cross into Hangfire's storage: its dashboard must not reveal tenant data.
        recurring.AddOrUpdate<ScheduledCampaignExport>(
            RecurringJobId(campaignId), x => x.TriggerAsync(tenantId, campaignId, CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}
