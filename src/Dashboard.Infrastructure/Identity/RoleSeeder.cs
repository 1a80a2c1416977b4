using Dashboard.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Infrastructure.Identity;

/// <summary>Makes sure every role of <see cref="Roles.All"/> exists (idempotent, runs at start-up).</summary>
public sealed class RoleSeeder(RoleManager<IdentityRole> roles)
{
    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}: " + string.Join(" ", result.Errors.Select(e => e.Description)));
                }
            }
        }
    }
}
