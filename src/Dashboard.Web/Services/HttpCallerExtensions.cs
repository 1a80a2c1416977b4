using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Services;

/// <summary>
/// Gives every HTTP request the same caller a circuit has. Razor component pages set the authentication
/// state themselves; minimal-API endpoints (downloads, the events API) do not, so without this
/// <see cref="CurrentUser"/> would see nobody there. Runs after authorization, so an endpoint whose
/// policy names another scheme (the API key) is seen with that scheme's principal.
/// </summary>
public static class HttpCallerExtensions
{
    public static IApplicationBuilder UseCallerForHttpRequests(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
            {
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
            }

            await next(context);
        });
}
