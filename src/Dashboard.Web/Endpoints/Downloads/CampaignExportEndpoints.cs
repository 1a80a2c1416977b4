using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Domain.Identity;

namespace Dashboard.Web.Endpoints;

public static class CampaignExportEndpoints
{
    public static string CsvUrl(Guid campaignId, Guid exportId) => $"/campaigns/{campaignId}/exports/{exportId}.csv";

    /// <summary>
    /// GET /campaigns/{id}/exports/{exportId}.csv: one export of an e-mail campaign, streamed from the upload store. The
    /// file holds end-user ids, so only people who manage campaigns may download it: the policy guards the route, and
    /// the export service checks it again and looks the export up inside the caller's tenant only.
    /// </summary>
    public static IEndpointRouteBuilder MapCampaignExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/campaigns/{id:guid}/exports/{exportId:guid}.csv", async (
                Guid id, Guid exportId, CampaignExportService exports, CancellationToken cancellationToken) =>
            {
                try
                {
                    var file = await exports.OpenAsync(id, exportId, cancellationToken);
                    return Results.Stream(file.Content, CampaignExportCsv.ContentType, file.FileName);
                }
                catch (NotFoundException)
                {
                    return Results.NotFound();
                }
                catch (ForbiddenAccessException)
                {
                    return Results.Forbid();
                }
            })
            .RequireAuthorization(Policies.ManageBlendsAndCampaigns);
        return app;
    }
}
