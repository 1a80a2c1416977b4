using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Access;
using Dashboard.Application.Privacy.Erasure;
using Dashboard.Domain.DataSources;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Api;

/// <summary>
/// The privacy API (<c>/api/v1</c>, scope <c>privacy:admin</c>): an end-user's data as JSON or CSV (GDPR Art. 15) and
/// their erasure (Art. 17). Both leave a receipt on the Privacy page; neither tells whether another organisation knows the id.
/// </summary>
public static class PrivacyApiEndpoints
{
    /// <summary>snake_case like the rest of the API; the kind by name.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
    };

    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiScopePolicies.For(ApiScopes.PrivacyAdmin))
            .RequireRateLimiting(EventsApiEndpoints.PolicyName)
            // JSON bodies authenticated by a header cannot be forged cross-site the way cookie-backed forms can.
            .DisableAntiforgery()
            .WithTags("Privacy API")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapGet("/end-users/{id}/export", ExportAsync)
            .WithName("GetEndUserExport")
            .WithSummary("Everything stored about an end-user (GDPR Art. 15)")
            .WithDescription("The end-user's record, attributes (sensitive values as sent), interactions with the items' ids, consent records, " +
                "recommendation feedback and the lists they were served, as JSON (format=json, the default) or CSV (format=csv; cells that a " +
                "spreadsheet would run as a formula start with an apostrophe). An id this organisation holds nothing under gives found: false " +
                "and empty lists. Each call leaves an access receipt (reference in the body) on the Privacy page. Errors: 400 for an invalid id or format.")
            .Produces<EndUserExport>(StatusCodes.Status200OK, "application/json")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");

        group.MapPost("/erasure", EraseAsync)
            .WithName("PostErasure")
            .WithSummary("Erase an end-user (GDPR Art. 17)")
            .WithDescription("Deletes the end-user's interactions, attributes, consent records, recommendation feedback, served lists and record, " +
                "rewrites every stored model version without them (the models serving now stop personalising for them at once) and queues " +
                "retraining of the affected blends. The receipt says when it was received and completed, the rows removed per table and the " +
                "model versions rewritten; it holds no personal data. An unknown id gives a receipt with found: false. Cannot be undone. " +
                "Errors: 400 for a missing or invalid user_id.")
            .Accepts<ErasureRequest>("application/json")
            .Produces<PrivacyRequestView>();
        return app;
    }

    private static async Task<IResult> ExportAsync(
        EndUserExportService exports,
        [Description("The end-user's id, as sent to the events API.")] string id,
        [FromQuery(Name = "format"), Description("json (default) or csv.")] string? format,
        CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (!csv && format is not null && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "format is not valid", detail: "Ask for format=json or format=csv.");
        }

        try
        {
            var export = await exports.ExportAsync(id, PrivacyRequests.ApiChannel, cancellationToken);
            return csv
                ? Results.File(EndUserExportFormats.ToCsv(export), EndUserExportFormats.CsvContentType, EndUserExportFormats.FileName(export, "csv"))
                : Results.File(EndUserExportFormats.ToJson(export), EndUserExportFormats.JsonContentType);
        }
        catch (ValidationException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "id is not valid", detail: ex.Message);
        }
    }

    private static async Task<IResult> EraseAsync(HttpContext http, ErasureService erasure, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<ErasureRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            return Results.Json(await erasure.EraseAsync(body?.UserId, PrivacyRequests.ApiChannel, cancellationToken), Json);
        }
        catch (ValidationException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "user_id is not valid", detail: ex.Message);
        }
    }
}
