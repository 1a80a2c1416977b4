using Dashboard.Application.Campaigns;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Dashboard.Infrastructure.Jobs;

/// <summary>
/// What an e-mail campaign's recurring job runs: it only queues an export run (requested by the campaign's schedule), so
/// the export shows on the Jobs page and the campaign like any other. Nothing is queued while the campaign is not
/// running, or while an export of it is still queued or running.
/// </summary>
public sealed class ScheduledCampaignExport(CampaignExportService exports, ILogger<ScheduledCampaignExport> logger)
{
    [AutomaticRetry(Attempts = 2)]
    [JobDisplayName("Scheduled export of campaign {1}")]
    public async Task TriggerAsync(Guid tenantId, Guid campaignId, CancellationToken cancellationToken)
    {
        var request = await exports.ExportOnScheduleAsync(tenantId, campaignId, cancellationToken);
        if (request is { Queued: false })
        {
            logger.LogInformation("Scheduled export of campaign {CampaignId} skipped: {Reason}", campaignId, request.Message);
        }
    }
}
