using Dashboard.Application.Common;
using Dashboard.Application.DataSources.ApiKeys;
using Dashboard.Application.Team;
using Dashboard.Domain.DataSources;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Support;

/// <summary>
/// Tenants and API keys for HTTP tests of the API, stored exactly as the API keys page stores
/// them (hash and prefix only), without driving the page's circuit.
/// </summary>
public static class ApiKeys
{
    public static async Task<Guid> TenantIdAsync(DashboardFactory factory, string organisation)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await db.Tenants.Where(t => t.Name == organisation).Select(t => t.Id).SingleAsync();
    }

    public static async Task<Guid> RegisterOrganisationAsync(DashboardFactory factory, string organisation, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<IIdentityService>()
            .RegisterOrganisationAsync(organisation, email, "correct-horse-battery-7");
        Assert.True(outcome.Result.Succeeded, string.Join(" ", outcome.Result.Errors));
        return outcome.TenantId;
    }

    /// <param name="scopes">Space-separated scope names; by default what keys made before scopes could do.</param>
    public static async Task<string> CreateAsync(DashboardFactory factory, Guid tenantId, bool revoked = false, string scopes = ApiScopes.Legacy)
    {
        var key = ApiKeySecrets.Generate();
        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = "Test shop",
            Prefix = ApiKeySecrets.DisplayPrefix(key),
            Hash = ApiKeySecrets.Hash(key),
            Scopes = scopes,
            CreatedAtUtc = DateTime.UtcNow,
            RevokedAtUtc = revoked ? DateTime.UtcNow : null,
        });
        await db.SaveChangesAsync();
        return key;
    }
}
