using System.Security.Claims;
using Dashboard.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Identity;

/// <summary>
/// Whether a signed-in principal still stands for its account as it is now: the account exists, is not
/// disabled, and its security stamp is the one the principal was issued with. A role change, disabling,
/// a password or two-factor change all renew the stamp, so a principal issued before them is stale.
/// Reads with a fresh context every time: a circuit's own scoped context would answer from its cache.
/// </summary>
public sealed class SessionValidator(IDbContextFactory<DashboardDbContext> factory, IOptions<IdentityOptions> options)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var claims = options.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claims.UserIdClaimType);
        if (userId is null)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(claims.SecurityStampClaimType);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var account = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled })
            .SingleOrDefaultAsync(cancellationToken);
        return account is { IsDisabled: false } && string.Equals(account.SecurityStamp, stamp, StringComparison.Ordinal);
    }
}
