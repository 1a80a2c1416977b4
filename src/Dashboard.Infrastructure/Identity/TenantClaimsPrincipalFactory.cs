using System.Security.Claims;
using Dashboard.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Identity;

/// <summary>Adds the user's tenant (id and name) to the cookie principal at sign-in.</summary>
internal sealed class TenantClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    DashboardDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var tenantName = await db.Tenants.Where(t => t.Id == user.TenantId).Select(t => t.Name).FirstOrDefaultAsync();
        identity.AddClaim(new Claim(DashboardClaimTypes.TenantId, user.TenantId.ToString()));
        identity.AddClaim(new Claim(DashboardClaimTypes.TenantName, tenantName ?? string.Empty));
        return identity;
    }
}
