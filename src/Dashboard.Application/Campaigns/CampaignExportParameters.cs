using Dashboard.Application.Jobs;
using Dashboard.Domain.Jobs;

namespace Dashboard.Application.Campaigns;

/// <summary>Export one e-mail campaign's lists for its whole segment to CSV.</summary>
/// <param name="CampaignId">The campaign to export.</param>
public sealed record CampaignExportParameters(Guid CampaignId) : IJobParameters
{
    public static JobKind Kind => JobKind.ExportCampaign;
}
