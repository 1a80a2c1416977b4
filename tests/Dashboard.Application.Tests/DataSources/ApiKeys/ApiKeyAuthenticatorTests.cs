using Dashboard.Application.Common;
using Dashboard.Application.DataSources.ApiKeys;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.DataSources.ApiKeys;

public sealed class ApiKeyAuthenticatorTests
{
    private static async Task<(CallerContext Caller, ApiKeyCreation Key)> CreateKeyAsync(TestHost host, string organisation, string email)
    {
        var caller = await host.RegisterOrganisationAsync(organisation, email);
        host.CurrentUser.Caller = caller;
        return (caller, await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync(organisation + " shop", [ApiScopes.RecommendationsRead, ApiScopes.EventsWrite])));
    }

    private static IApiKeyAuthenticator Authenticator(TestHost host) => host.Services.GetRequiredService<IApiKeyAuthenticator>();

    [Fact]
    public async Task ValidKey_GivesItsTenantKeyAndScopes()
    {
        await using var host = await TestHost.StartAsync();
        var (caller, key) = await CreateKeyAsync(host, "Alpha", "a@example.test");

        var identity = await Authenticator(host).AuthenticateAsync(key.Key);

        Assert.Equal((caller.TenantId, key.Summary!.Id, "Alpha shop"), (identity!.TenantId, identity.KeyId, identity.KeyName));
        Assert.Equal([ApiScopes.EventsWrite, ApiScopes.RecommendationsRead], identity.Scopes);
    }

    [Fact]
    public async Task AnotherTenantsKey_GivesThatTenant_NeverTheCallers()
    {
        await using var host = await TestHost.StartAsync();
        var (alpha, alphaKey) = await CreateKeyAsync(host, "Alpha", "a@example.test");
        var (beta, _) = await CreateKeyAsync(host, "Beta", "b@example.test");

        var identity = await Authenticator(host).AuthenticateAsync(alphaKey.Key);

        Assert.Equal(alpha.TenantId, identity!.TenantId);
        Assert.NotEqual(beta.TenantId, identity.TenantId);
    }

    [Fact]
    public async Task RevokedKey_IsRefused()
    {
        await using var host = await TestHost.StartAsync();
        var (_, key) = await CreateKeyAsync(host, "Alpha", "a@example.test");
        await host.InScopeAsync<ApiKeyService, Result>(s => s.RevokeAsync(key.Summary!.Id));

        Assert.Null(await Authenticator(host).AuthenticateAsync(key.Key));
    }

    [Fact]
    public async Task KeyRevokedOnThisNode_IsRefusedAtOnce_EvenWhileTrusted()
    {
        await using var host = await TestHost.StartAsync();
        var (_, key) = await CreateKeyAsync(host, "Alpha", "a@example.test");
        Assert.NotNull(await Authenticator(host).AuthenticateAsync(key.Key));

        await host.InScopeAsync<ApiKeyService, Result>(s => s.RevokeAsync(key.Summary!.Id));

        Assert.Null(await Authenticator(host).AuthenticateAsync(key.Key));
    }

    [Fact]
    public async Task KeyRevokedElsewhere_IsRefusedOnceTheTrustWindowHasPassed()
    {
        await using var host = await TestHost.StartAsync();
        var (caller, key) = await CreateKeyAsync(host, "Alpha", "a@example.test");
        Assert.NotNull(await Authenticator(host).AuthenticateAsync(key.Key));
        await using (var db = host.CreateTenantContext(caller.TenantId))
        {
            await db.ApiKeys.ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAtUtc, DateTime.UtcNow));
        }

        var withinWindow = await Authenticator(host).AuthenticateAsync(key.Key);
        host.Time.Advance(Infrastructure.DataSources.ApiKeyAuthenticator.TrustedFor);
        var afterWindow = await Authenticator(host).AuthenticateAsync(key.Key);

        Assert.Equal((true, false), (withinWindow is not null, afterWindow is not null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("dk_not-a-key-anyone-was-given")]
    [InlineData("Bearer something")]
    public async Task UnknownOrMalformedKey_IsRefused(string? presented)
    {
        await using var host = await TestHost.StartAsync();
        await CreateKeyAsync(host, "Alpha", "a@example.test");

        Assert.Null(await Authenticator(host).AuthenticateAsync(presented));
    }

    [Fact]
    public async Task LastUsed_IsWrittenAtMostOnceAMinute()
    {
        await using var host = await TestHost.StartAsync();
        var (caller, key) = await CreateKeyAsync(host, "Alpha", "a@example.test");
        var first = host.Time.GetUtcNow().UtcDateTime;

        await Authenticator(host).AuthenticateAsync(key.Key);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        await Authenticator(host).AuthenticateAsync(key.Key);
        var afterHalfAMinute = await LastUsedAsync(host, caller.TenantId);
        host.Time.Advance(TimeSpan.FromSeconds(31));
        await Authenticator(host).AuthenticateAsync(key.Key);

        Assert.Equal(first, afterHalfAMinute);
        Assert.Equal(first.AddSeconds(61), await LastUsedAsync(host, caller.TenantId));
    }

    private static async Task<DateTime?> LastUsedAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return (await db.ApiKeys.SingleAsync()).LastUsedAtUtc;
    }
}
