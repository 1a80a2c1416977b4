using System.Globalization;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Web.Endpoints;

public static class AuditLogEndpoints
{
    private const string ExportPath = "/audit-log/export.csv";

    /// <summary>
    /// GET /audit-log/export.csv?person=&amp;action=&amp;from=&amp;to=&amp;search=: the filtered log as CSV. The
    /// policy guards the route; the service checks it again and reads the caller's tenant only.
    /// </summary>
    public static IEndpointRouteBuilder MapAuditLogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportPath, async (
                string? person, string? action, string? from, string? to, string? search,
                HttpContext http, AuthenticationStateProvider authentication, AuditLogService service, CancellationToken cancellationToken) =>
            {
                if (authentication is IHostEnvironmentAuthenticationStateProvider host)
                {
                    host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
                }

                try
                {
                    var query = new AuditLogQuery(person, action, Day(from), Day(to), search);
                    var (name, content) = await service.ExportCsvAsync(query, cancellationToken);
                    return Results.File(content, "text/csv; charset=utf-8", name);
                }
                catch (ForbiddenAccessException)
                {
                    return Results.Forbid();
                }
            })
            .RequireAuthorization(Policies.ViewAuditLog);
        return app;
    }

    /// <summary>The export link for the filters on screen.</summary>
    public static string ExportUrl(AuditLogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string?>
        {
            ["person"] = query.Person,
            ["action"] = query.Action,
            ["from"] = query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["search"] = query.Search,
        };
        return QueryHelpers.AddQueryString(ExportPath, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
