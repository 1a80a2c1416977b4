using System.ComponentModel.DataAnnotations;
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
    /// POST /privacy/end-user-export (form: id, format = json | csv): an end-user's data as a download for the
    /// Privacy page. A form post, not a link: the end-user's id stays out of URLs, and so out of browser history and
    /// server logs. The policy guards the route (with the form's antiforgery token); the service checks it again.
    /// </summary>
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
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
