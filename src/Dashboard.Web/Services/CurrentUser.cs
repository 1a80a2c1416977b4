using System.Security.Claims;
using Dashboard.Application.Common;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Identity;
using Dashboard.Web.Api;
using Microsoft.AspNetCore.Components.Authorization;

namespace Dashboard.Web.Services;

/// <summary>
/// The caller, read from the AuthenticationStateProvider: in a circuit and in static SSR the framework
/// sets it; for every other HTTP request (endpoints, the events API) <see cref="HttpCallerExtensions"/>
/// sets it from the request's principal. The tenant comes from the claim written at sign-in (or from
/// the API key), never from a URL or a form. For a person every call also checks the account as it is
/// now (<see cref="SessionValidator"/>): a page left open by someone whose role was changed or whose
/// account was disabled cannot act with the old role, not even for the minute before the circuit's own
/// re-check signs it out. An API key was checked against its stored hash on this very request.
/// </summary>
internal sealed class CurrentUser(AuthenticationStateProvider authenticationState, SessionValidator sessions) : ICurrentUser
{
    public const string StaleSessionMessage =
        "Your access has changed since you signed in (a new role, or the account was disabled). Sign in again to continue.";

    public async Task<CallerContext> GetAsync(CancellationToken cancellationToken = default)
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        var caller = FromPrincipal(state.User) ?? throw new ForbiddenAccessException("Sign in first.", new InvalidOperationException("Anonymous caller."));
        return caller.Kind == CallerKind.ApiKey || await sessions.IsCurrentAsync(state.User, cancellationToken)
            ? caller
            : throw new ForbiddenAccessException(StaleSessionMessage, new InvalidOperationException("Stale security stamp or disabled account."));
    }

    public static CallerContext? FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (user.Identity.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            if (!Guid.TryParse(user.FindFirstValue(ApiKeyAuthenticationHandler.TenantIdClaim), out var keyTenant) || keyTenant == Guid.Empty)
            {
                return null;
            }

            // A key with privacy:admin may do what the privacy policy allows; services check it like a person's role.
            var key = CallerContext.ForApiKey(keyTenant, user.Identity.Name ?? string.Empty);
            return user.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiScopes.PrivacyAdmin)
                ? key with { Grants = new HashSet<string> { Policies.ManagePrivacy } }
                : key;
        }

        if (!Guid.TryParse(user.FindFirstValue(DashboardClaimTypes.TenantId), out var tenantId) || tenantId == Guid.Empty)
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
