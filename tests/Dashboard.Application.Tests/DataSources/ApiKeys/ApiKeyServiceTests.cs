using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.ApiKeys;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.DataSources.ApiKeys;

public sealed class ApiKeyServiceTests
{
    private static readonly string[] EventsOnly = [ApiScopes.EventsWrite];

    [Fact]
    public async Task Create_StoresTheChosenScopes_AndListsThem()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");

        await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Web shop", [ApiScopes.RecommendationsRead]));

        var key = Assert.Single(await host.InScopeAsync<ApiKeyService, IReadOnlyList<ApiKeySummary>>(s => s.ListAsync()));
        Assert.Equal([ApiScopes.RecommendationsRead], key.Scopes);
    }

    [Fact]
    public async Task Create_WithoutAScope_IsRefusedWithASentence()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");

        var creation = await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Web shop", []));

        Assert.Contains("at least one scope", Assert.Single(creation.Result.Errors), StringComparison.Ordinal);
        Assert.Null(creation.Key);
    }

    [Fact]
    public async Task Create_WithAnUnknownScope_IsRefusedNamingIt()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");

        var creation = await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Web shop", ["items:delete"]));

        Assert.Contains("\"items:delete\" is not a scope", Assert.Single(creation.Result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AuditEntrySaysTheScopes()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");

        await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Web shop", [ApiScopes.RecommendationsRead, ApiScopes.EventsWrite]));

        await using var db = host.CreateTenantContext(host.CurrentUser.Caller.TenantId);
        var entry = await db.AuditLog.SingleAsync(a => a.Action == "API key created");
        Assert.Equal("events:write recommendations:read", entry.After);
        Assert.EndsWith("with the scopes events:write, recommendations:read.", AuditSentence.Describe(entry), StringComparison.Ordinal);
    }
    [Fact]
    public async Task Create_StoresOnlyTheHashAndAPrefix_NeverTheKey()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");

        var creation = await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Web shop", EventsOnly));

        Assert.True(creation.Result.Succeeded);
        await using var db = host.CreateTenantContext(host.CurrentUser.Caller.TenantId);
        var row = await db.ApiKeys.SingleAsync();
        Assert.Equal(ApiKeySecrets.Hash(creation.Key!), row.Hash);
        Assert.Equal(creation.Key![..ApiKeySecrets.DisplayPrefixLength], row.Prefix);
        Assert.All(new[] { row.Name, row.Prefix, row.Hash, row.CreatedBy ?? string.Empty },
            text => Assert.DoesNotContain(creation.Key[..12], text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WritesOneAuditEntryWithoutTheKey()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");

        var creation = await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Web shop", EventsOnly));

        await using var db = host.CreateTenantContext(host.CurrentUser.Caller.TenantId);
        var entry = await db.AuditLog.SingleAsync(a => a.Action == "API key created");
        Assert.Contains("Web shop", entry.Subject, StringComparison.Ordinal);
        var key = creation.Key!;
        Assert.All(new[] { entry.Subject, entry.Before, entry.After }, text => Assert.DoesNotContain(key[..12], text ?? string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_ShowsNameCreatorAndPrefixButNotTheKey()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha", "ada@example.test");
        await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Web shop", EventsOnly));

        var keys = await host.InScopeAsync<ApiKeyService, IReadOnlyList<ApiKeySummary>>(s => s.ListAsync());

        var key = Assert.Single(keys);
        Assert.Equal(("Web shop", "ada@example.test", true), (key.Name, key.CreatedBy, key.IsActive));
        Assert.Null(key.LastUsedAtUtc);
    }

    [Fact]
    public async Task Create_WithBlankName_ReturnsAClearErrorAndStoresNothing()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");

        var creation = await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("   ", EventsOnly));

        Assert.False(creation.Result.Succeeded);
        Assert.Null(creation.Key);
        await using var db = host.CreateTenantContext(host.CurrentUser.Caller.TenantId);
        Assert.False(await db.ApiKeys.AnyAsync());
    }

    [Fact]
    public async Task Revoke_MarksTheKeyRevokedAndAudits()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha");
        var creation = await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Web shop", EventsOnly));

        var result = await host.InScopeAsync<ApiKeyService, Result>(s => s.RevokeAsync(creation.Summary!.Id));

        Assert.True(result.Succeeded);
        await using var db = host.CreateTenantContext(host.CurrentUser.Caller.TenantId);
        Assert.Equal(host.Time.GetUtcNow().UtcDateTime, (await db.ApiKeys.SingleAsync()).RevokedAtUtc);
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "API key revoked" && a.Before == "active" && a.After == "revoked"));
    }

    [Fact]
    public async Task Revoke_AnotherTenantsKey_IsNotFound()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var alphaKey = await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Alpha shop", EventsOnly));
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Beta", "b@example.test");

        await Assert.ThrowsAsync<NotFoundException>(() =>
            host.InScopeAsync<ApiKeyService, Result>(s => s.RevokeAsync(alphaKey.Summary!.Id)));
    }

    [Fact]
    public async Task Marketer_MayCreateKeys()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = TestHost.As(await host.RegisterOrganisationAsync("Alpha"), Roles.Marketer);

        var creation = await host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Web shop", EventsOnly));

        Assert.True(creation.Result.Succeeded);
    }

    [Fact]
    public async Task ComplianceOfficer_IsRefusedByTheServiceItself()
    {
        await using var host = await TestHost.StartAsync();
        host.CurrentUser.Caller = TestHost.As(await host.RegisterOrganisationAsync("Alpha"), Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() =>
            host.InScopeAsync<ApiKeyService, ApiKeyCreation>(s => s.CreateAsync("Web shop", EventsOnly)));
    }
}
