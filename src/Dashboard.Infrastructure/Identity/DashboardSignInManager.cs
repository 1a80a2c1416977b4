using System.Security.Claims;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Identity;

/// <summary>
/// Refuses sign-in (password, 2FA, cookie refresh) for users an Admin has disabled, and writes sign-ins,
/// failed sign-ins and lockouts to the person's organisation's audit log. Hooked here rather than in the
/// sign-in pages so every way in (password, two-factor, recovery code, passkey) is recorded once.
/// A failed attempt for an e-mail nobody has belongs to no organisation and is not recorded.
/// </summary>
internal sealed class DashboardSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    ITenantDbContextFactory dbFactory,
    IAuditLog audit)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <summary>Set while a sign-in is renewed (own account change): that is not a new sign-in.</summary>
    private bool _refreshing;

    public override async Task<bool> CanSignInAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsDisabled && await base.CanSignInAsync(user);
    }

    public override async Task RefreshSignInAsync(ApplicationUser user)
    {
        _refreshing = true;
        try
        {
            await base.RefreshSignInAsync(user);
        }
        finally
        {
            _refreshing = false;
        }
    }

    public override async Task SignInWithClaimsAsync(ApplicationUser user, AuthenticationProperties? authenticationProperties, IEnumerable<Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = additionalClaims as IReadOnlyCollection<Claim> ?? [.. additionalClaims];
        await base.SignInWithClaimsAsync(user, authenticationProperties, claims);
        if (!_refreshing)
        {
            var method = claims.FirstOrDefault(c => c.Type == "amr")?.Value switch
            {
                "mfa" => "two-factor authentication",
                "pwd" => "a password",
                _ => null,
            };
            await RecordAsync(user, AuditActions.SignedIn, method);
        }
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(ApplicationUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var wasLocked = UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user);
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        await RecordFailureAsync(user, result, wasLocked, "wrong password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var wasLocked = user is not null && UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user);
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null)
        {
            await RecordFailureAsync(user, result, wasLocked, "wrong authenticator code");
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null)
        {
            await RecordFailureAsync(user, result, wasLocked: false, "wrong recovery code");
        }

        return result;
    }

    private async Task RecordFailureAsync(ApplicationUser user, SignInResult result, bool wasLocked, string wrong)
    {
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            return;
        }

        if (result.IsLockedOut && !wasLocked)
        {
            var until = await UserManager.GetLockoutEndDateAsync(user);
            await RecordAsync(user, AuditActions.LockedOut, until is { } end ? UtcText.Format(end) : null);
            return;
        }

        await RecordAsync(user, AuditActions.SignInFailed,
            result.IsLockedOut ? "the account is locked" : result.IsNotAllowed ? "the account is disabled or not allowed to sign in" : wrong);
    }

    private async Task RecordAsync(ApplicationUser user, string action, string? detail)
    {
        var who = user.Email ?? user.UserName ?? user.Id;
        await using var db = dbFactory.CreateForTenant(user.TenantId);
        audit.Record(db, user.TenantId, user.Id, who, action, who, null, detail);
        await db.SaveChangesAsync();
    }
}
