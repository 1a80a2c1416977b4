using Dashboard.Application.Common;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Endpoints;

/// <summary>
/// A report written by an application service, served as a file download: the services read the caller from the
/// authentication state, so the request's user is handed to it first; a report that is not the caller's to see is
/// 404 (not found in their tenant) or 403 (their role may not).
/// </summary>
internal static class ReportFileResult
{
    public static async Task<IResult> WriteAsync(
        HttpContext http, AuthenticationStateProvider authentication, Func<Task<(string FileName, byte[] Content)>> write, string contentType)
    {
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        }

        try
        {
            var (name, content) = await write();
            return Results.File(content, contentType, name);
        }
        catch (NotFoundException)
        {
            return Results.NotFound();
        }
        catch (ForbiddenAccessException)
        {
            return Results.Forbid();
        }
    }
}
