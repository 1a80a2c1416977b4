using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Identity;

/// <summary>
/// Keeps people signed in when they change their own account. Every request checks the sign-in cookie's
/// security stamp (see the Web project's SecurityStampValidatorOptions), and setting up an authenticator,
/// switching two-factor off, adding a passkey or a login all renew the stamp: without a fresh cookie the
/// person would be signed out by their own change. So whenever an update renews the stamp of the account
/// that is signed in on the current request, the sign-in is refreshed in the same response. An Admin
/// changing somebody else is not affected: that person's sessions are meant to end.
/// </summary>
internal sealed class DashboardUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    IHttpContextAccessor httpContextAccessor)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(ApplicationUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded && httpContextAccessor.HttpContext is { Response.HasStarted: false } http && IsOwnStaleSignIn(http.User, user))
        {
            await http.RequestServices.GetRequiredService<SignInManager<ApplicationUser>>().RefreshSignInAsync(user);
        }

        return result;
    }

    private bool IsOwnStaleSignIn(ClaimsPrincipal principal, ApplicationUser user) =>
        principal.Identity?.IsAuthenticated == true
        && string.Equals(GetUserId(principal), user.Id, StringComparison.Ordinal)
        && !string.Equals(principal.FindFirstValue(Options.ClaimsIdentity.SecurityStampClaimType), user.SecurityStamp, StringComparison.Ordinal);
}
