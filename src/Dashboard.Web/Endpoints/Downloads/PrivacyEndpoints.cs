using System.ComponentModel.DataAnnotations;
using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Access;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Endpoints;

public static class PrivacyEndpoints
{
    public const string ExportPath = "/privacy/end-user-export";

    /// <summary>
    /// GET /privacy/sample-consents.csv: the demo's sample consent file (<see cref="SampleConsentFile"/>), dated now so
    /// its withdrawals supersede the demo's grants when imported. Holds no data of the organisation.
    /// POST /privacy/end-user-export (form: id, format = json | csv): an end-user's data as a download for the
    /// Privacy page. A form post, not a link: the end-user's id stays out of URLs, and so out of browser history and
    /// server logs. The policy guards the route (with the form's antiforgery token); the service checks it again.
    /// </summary>
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/privacy/" + SampleConsentFile.FileName, (TimeProvider time) =>
                Results.File(Encoding.UTF8.GetBytes(SampleConsentFile.Create(time.GetUtcNow().UtcDateTime)), "text/csv; charset=utf-8", SampleConsentFile.FileName))
            .RequireAuthorization(Policies.ViewDashboard);
        app.MapPost(ExportPath, async ([FromForm] string? id, [FromForm] string? format, EndUserExportService service, CancellationToken cancellationToken) =>
            {
                try
                {
                    var export = await service.ExportAsync(id, PrivacyRequests.PageChannel, cancellationToken);
                    return string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
                        ? Results.File(EndUserExportFormats.ToCsv(export), EndUserExportFormats.CsvContentType, EndUserExportFormats.FileName(export, "csv"))
                        : Results.File(EndUserExportFormats.ToJson(export), EndUserExportFormats.JsonContentType, EndUserExportFormats.FileName(export, "json"));
                }
                catch (ValidationException ex)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The id is not valid", detail: ex.Message);
                }
                catch (ForbiddenAccessException)
                {
                    return Results.Forbid();
                }
            })
            .RequireAuthorization(Policies.ManagePrivacy);
        return app;
    }
}
