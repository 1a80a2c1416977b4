using Microsoft.AspNetCore.Diagnostics;

namespace Dashboard.Web.Security;

/// <summary>
/// Under <c>/api</c> every error is problem details (RFC 9457) in every environment: an exception —
/// including Kestrel's "request body too large" — and an empty error status (415 from the content-type
/// check, 404, 405) are answered here, so neither the developer exception page (which echoes the request's
/// headers, the API key among them) nor the HTML status pages ever answer an API client.
/// </summary>
public static class ApiProblemDetails
{
    public const string PathPrefix = "/api";

    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseWhen(
            http => http.Request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase),
            api => api
                .UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync })
                .UseStatusCodePages(context => WriteStatusAsync(context.HttpContext)));
    }

    private static Task WriteExceptionAsync(HttpContext http)
    {
        var failure = http.Features.Get<IExceptionHandlerFeature>()?.Error;

        // Kestrel's own refusals (body too large, malformed request) carry the status they mean; anything
        // else is the app's fault and its details stay in the log.
        var status = failure is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        http.Response.StatusCode = status;
        return Results.Problem(statusCode: status, detail: DetailFor(status, http)).ExecuteAsync(http);
    }

    private static Task WriteStatusAsync(HttpContext http) =>
        Results.Problem(statusCode: http.Response.StatusCode, detail: DetailFor(http.Response.StatusCode, http)).ExecuteAsync(http);

    private static string? DetailFor(int status, HttpContext http) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this server accepts. Send fewer rows per request.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with the header Content-Type: application/json.",
        StatusCodes.Status404NotFound => "There is no API endpoint at this address. The OpenAPI document is at /openapi/v1.json.",
        StatusCodes.Status500InternalServerError => $"The request failed on an unexpected error. Operators can find the details in the server log under request {http.TraceIdentifier}.",
        _ => null,
    };
}
