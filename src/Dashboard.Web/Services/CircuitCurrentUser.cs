using System.Security.Claims;
using Dashboard.Application.Common;
using Dashboard.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Services;

/// <summary>
/// The caller, read from the AuthenticationStateProvider (works in a circuit and in static SSR);
/// the tenant comes from the claim written at sign-in, never from a URL or a form.
/// </summary>
internal sealed class CircuitCurrentUser(AuthenticationStateProvider authenticationState) : ICurrentUser
{
    public async Task<CallerContext> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return FromPrincipal(state.User) ?? throw new ForbiddenAccessException("Sign in first.", new InvalidOperationException("Anonymous caller."));
    }

    public static CallerContext? FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || !Guid.TryParse(user.FindFirstValue(DashboardClaimTypes.TenantId), out var tenantId)
            || tenantId == Guid.Empty)
        {
            return null;
        }

        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new CallerContext(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty,
            user.Identity.Name ?? string.Empty,
            tenantId,
            user.FindFirstValue(DashboardClaimTypes.TenantName) ?? string.Empty,
            roles);
    }
}
