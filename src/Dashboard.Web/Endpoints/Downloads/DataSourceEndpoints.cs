using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Domain.Identity;

namespace Dashboard.Web.Endpoints;

public static class DataSourceEndpoints
{
    /// <summary>
    /// GET /data-sources/imports/{runId}/errors.csv: one import's errors as CSV. The policy guards the
    /// route; the service checks it again and looks the run up inside the caller's tenant only.
    /// </summary>
    public static IEndpointRouteBuilder MapDataSourceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/data-sources/imports/{runId:guid}/errors.csv", async (
                Guid runId, ImportHistoryService service, CancellationToken cancellationToken) =>
            {
                try
                {
                    var (name, content) = await service.ExportErrorsAsync(runId, cancellationToken);
                    return Results.File(content, "text/csv; charset=utf-8", name);
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
            .RequireAuthorization(Policies.ManageDataSources);
        return app;
    }
}
