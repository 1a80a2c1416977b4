using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.Tenancy;

public sealed class TenantIsolationTests
{
    [Fact]
    public async Task Query_SeesOnlyTheBoundTenantsRows()
    {
        await using var host = await TestHost.StartAsync();
        var a = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var b = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        await AddItemAsync(host, a.TenantId, "shared-id");
        await AddItemAsync(host, b.TenantId, "shared-id");
        await AddItemAsync(host, b.TenantId, "only-b");

        await using var db = host.CreateTenantContext(a.TenantId);
        var items = await db.Items.Select(i => new { i.ExternalId, i.TenantId }).ToListAsync();

        Assert.Equal([new { ExternalId = "shared-id", a.TenantId }], items);
    }

    [Fact]
    public async Task SaveChanges_StampsTheTenantOnNewRows()
    {
        await using var host = await TestHost.StartAsync();
        var a = await host.RegisterOrganisationAsync("Alpha");

        var item = await AddItemAsync(host, a.TenantId, "i1");

        Assert.Equal(a.TenantId, item.TenantId);
    }

    [Fact]
    public async Task SaveChanges_RefusesARowOfAnotherTenant()
    {
        await using var host = await TestHost.StartAsync();
        var a = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var b = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        await using var db = host.CreateTenantContext(a.TenantId);
        db.Items.Add(new Item { ExternalId = "x", Title = "X", TenantId = b.TenantId });

        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_RefusesMovingARowToAnotherTenant()
    {
        await using var host = await TestHost.StartAsync();
        var a = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var b = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        await AddItemAsync(host, a.TenantId, "i1");
        await using var db = host.CreateTenantContext(a.TenantId);
        var item = await db.Items.SingleAsync();
        item.TenantId = b.TenantId;

        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task SaveChanges_WithoutATenant_RefusesTenantOwnedRows()
    {
        await using var host = await TestHost.StartAsync();
        var a = await host.RegisterOrganisationAsync("Alpha");
        await using var db = host.CreateUnboundContext();
        db.Items.Add(new Item { ExternalId = "x", Title = "X", TenantId = a.TenantId });

        await Assert.ThrowsAsync<TenantViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task UnboundContext_ReadsNoTenantOwnedRows()
    {
        await using var host = await TestHost.StartAsync();
        var a = await host.RegisterOrganisationAsync("Alpha");
        await AddItemAsync(host, a.TenantId, "i1");
        await using var db = host.CreateUnboundContext();

        Assert.Equal(0, await db.Items.CountAsync());
    }

    private static async Task<Item> AddItemAsync(TestHost host, Guid tenantId, string externalId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var item = new Item { ExternalId = externalId, Title = externalId };
        db.Items.Add(item);
        await db.SaveChangesAsync();
        return item;
    }
}
