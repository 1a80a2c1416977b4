using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Tenancy;

/// <summary>
/// The writers that use their own SQL (listed in <see cref="TenantModelTests.RawSql_IsUsedOnlyInReviewedPlaces"/>)
/// pass the tenant by hand, outside the SaveChanges check. These tests drive them through their interfaces and
/// read every tenant's rows back, so a row stamped with the wrong tenant, or a statement reaching past its
/// tenant, shows up whatever SQL the writer uses.
/// </summary>
public sealed class RawSqlTenantTests
{
    private static readonly DateTime At = new(2026, 6, 1, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ImportSession_StampsEveryRowItWritesWithItsTenant()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        await host.RegisterOrganisationAsync("Beta", "b@example.test");

        await ImportAsync(host, alpha.TenantId, "Alpha's title", "alpha");

        Assert.Equal(
            [("EndUserAttributes", alpha.TenantId), ("EndUsers", alpha.TenantId), ("Interactions", alpha.TenantId), ("ItemAttributes", alpha.TenantId), ("Items", alpha.TenantId)],
            await TenantsOfAllRowsAsync(host));
    }

    [Fact]
    public async Task ImportSession_ReplacingAndWritingTheSameExternalIds_LeavesAnotherTenantsRowsAsTheyWere()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var beta = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        await ImportAsync(host, beta.TenantId, "Beta's title", "beta");
        var betaBefore = await RowsOfAsync(host, beta.TenantId);

        await ImportAsync(host, alpha.TenantId, "Alpha's title", "alpha", replace: true);

        Assert.Equal(betaBefore, await RowsOfAsync(host, beta.TenantId));
    }

    [Fact]
    public async Task ImportSession_GivenAnotherTenantsEndUserId_DeletesNoneOfItsAttributes()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var beta = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        var (betaUser, _) = await ImportAsync(host, beta.TenantId, "Beta's title", "beta");

        await using (var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(alpha.TenantId, CancellationToken.None))
        {
            await session.SetUserAttributesAsync(betaUser, [new IngestedFact("segment", "alpha")], CancellationToken.None);
            await session.CommitAsync(CancellationToken.None);
        }

        await using var db = host.CreateUnboundContext();
        var betaSegments = await db.EndUserAttributes.IgnoreQueryFilters()
            .Where(a => a.TenantId == beta.TenantId && a.Key == "segment").Select(a => a.Value).ToListAsync();
        Assert.Equal(["beta"], betaSegments);
    }

    [Fact]
    public async Task ImportSession_LooksUpExistingIdsOnlyInItsTenant()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var beta = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        var (betaUser, _) = await ImportAsync(host, beta.TenantId, "Beta's title", "beta");
        var writer = host.Services.GetRequiredService<IIngestionWriter>();

        await using var session = await writer.BeginAsync(alpha.TenantId, CancellationToken.None);
        var item = await session.ItemIdAsync("i1", createPlaceholder: false, CancellationToken.None);
        var user = await session.UserIdAsync("u1", CancellationToken.None);

        Assert.Equal((null, true), (item, user != betaUser));
    }

    [Fact]
    public async Task ImportSession_DeDuplicatesOnlyAgainstItsTenantsInteractions()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var beta = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        var (betaUser, betaItem) = await ImportAsync(host, beta.TenantId, "Beta's title", "beta");

        var seenByBeta = await HadInteractionAsync(host, beta.TenantId, betaUser, betaItem);
        var seenByAlpha = await HadInteractionAsync(host, alpha.TenantId, betaUser, betaItem);

        Assert.Equal((true, false), (seenByBeta, seenByAlpha));
    }

    [Fact]
    public async Task SampleData_StampsEveryRowItWritesWithItsTenant()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        await host.RegisterOrganisationAsync("Beta", "b@example.test");
        var data = host.Services.GetRequiredService<SampleDataGenerator>().Generate(
            new SampleDataOptions { Users = 40, Items = 15, Interactions = 800, Seed = 5 }, At, CancellationToken.None);

        await host.Services.GetRequiredService<ISampleDataWriter>().ReplaceTenantDataAsync(alpha.TenantId, data, new InlineProgress<int>(_ => { }), CancellationToken.None);

        Assert.All(await TenantsOfAllRowsAsync(host), t => Assert.Equal(alpha.TenantId, t.Tenant));
    }

    [Fact]
    public async Task SampleData_ReplacingOneTenantsData_LeavesAnotherTenantsRowsAsTheyWere()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var beta = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        await ImportAsync(host, beta.TenantId, "Beta's title", "beta");
        var betaBefore = await RowsOfAsync(host, beta.TenantId);
        var data = host.Services.GetRequiredService<SampleDataGenerator>().Generate(
            new SampleDataOptions { Users = 40, Items = 15, Interactions = 800, Seed = 5 }, At, CancellationToken.None);

        await host.Services.GetRequiredService<ISampleDataWriter>().ReplaceTenantDataAsync(alpha.TenantId, data, new InlineProgress<int>(_ => { }), CancellationToken.None);

        Assert.Equal(betaBefore, await RowsOfAsync(host, beta.TenantId));
    }

    /// <summary>
    /// Imports end-user "u1" with an attribute, item "i1" with an attribute and one interaction between them, in
    /// one session for <paramref name="tenantId"/>; with <paramref name="replace"/> each dataset is replaced first.
    /// Returns the end-user's and item's ids.
    /// </summary>
    private static async Task<(long User, long Item)> ImportAsync(TestHost host, Guid tenantId, string title, string value, bool replace = false)
    {
        var ct = CancellationToken.None;
        await using var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(tenantId, ct);
        if (replace)
        {
            foreach (var dataset in Enum.GetValues<DatasetKind>())
            {
                await session.ReplaceAsync(dataset, ct);
            }
        }

        await session.UpsertItemAsync(new IngestedItem("i1", title, "books", null, 9.5m, [new IngestedFact("colour", value)]), ct);
        await session.CompleteDatasetAsync(DatasetKind.Items, ct);
        var user = await session.UserIdAsync("u1", ct);
        await session.SetUserAttributesAsync(user, [new IngestedFact("segment", value)], ct);
        var item = (await session.ItemIdAsync("i1", createPlaceholder: false, ct))!.Value;
        await session.AddInteractionAsync(user, item, InteractionType.Purchase, 1, At, ct);
        await session.CompleteDatasetAsync(DatasetKind.Interactions, ct);
        await session.CommitAsync(ct);
        return (user, item);
    }

    private static async Task<bool> HadInteractionAsync(TestHost host, Guid tenantId, long user, long item)
    {
        await using var session = await host.Services.GetRequiredService<IIngestionWriter>().BeginAsync(tenantId, CancellationToken.None);
        return await session.HadInteractionAsync(user, item, InteractionType.Purchase, At, CancellationToken.None);
    }

    /// <summary>Which tenants own rows in each tenant-owned data table, read past the tenant filter.</summary>
    private static async Task<List<(string Table, Guid Tenant)>> TenantsOfAllRowsAsync(TestHost host)
    {
        await using var db = host.CreateUnboundContext();
        var tenants = new List<(string, Guid)>();
        tenants.AddRange((await db.EndUsers.IgnoreQueryFilters().Select(r => r.TenantId).Distinct().ToListAsync()).Select(t => ("EndUsers", t)));
        tenants.AddRange((await db.EndUserAttributes.IgnoreQueryFilters().Select(r => r.TenantId).Distinct().ToListAsync()).Select(t => ("EndUserAttributes", t)));
        tenants.AddRange((await db.Items.IgnoreQueryFilters().Select(r => r.TenantId).Distinct().ToListAsync()).Select(t => ("Items", t)));
        tenants.AddRange((await db.ItemAttributes.IgnoreQueryFilters().Select(r => r.TenantId).Distinct().ToListAsync()).Select(t => ("ItemAttributes", t)));
        tenants.AddRange((await db.Interactions.IgnoreQueryFilters().Select(r => r.TenantId).Distinct().ToListAsync()).Select(t => ("Interactions", t)));
        return [.. tenants.Order()];
    }

    /// <summary>Every data row a tenant owns, with its values, read past the tenant filter.</summary>
    private static async Task<List<string>> RowsOfAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateUnboundContext();
        var rows = new List<string>();
        rows.AddRange((await db.EndUsers.IgnoreQueryFilters().Where(r => r.TenantId == tenantId)
            .Select(r => new { r.Id, r.ExternalId }).ToListAsync()).Select(r => $"EndUser {r}"));
        rows.AddRange((await db.EndUserAttributes.IgnoreQueryFilters().Where(r => r.TenantId == tenantId)
            .Select(r => new { r.Id, r.EndUserId, r.Key, r.Value }).ToListAsync()).Select(r => $"EndUserAttribute {r}"));
        rows.AddRange((await db.Items.IgnoreQueryFilters().Where(r => r.TenantId == tenantId)
            .Select(r => new { r.Id, r.ExternalId, r.Title, r.Category, r.Price, r.IsPlaceholder }).ToListAsync()).Select(r => $"Item {r}"));
        rows.AddRange((await db.ItemAttributes.IgnoreQueryFilters().Where(r => r.TenantId == tenantId)
            .Select(r => new { r.Id, r.ItemId, r.Key, r.Value }).ToListAsync()).Select(r => $"ItemAttribute {r}"));
        rows.AddRange((await db.Interactions.IgnoreQueryFilters().Where(r => r.TenantId == tenantId)
            .Select(r => new { r.Id, r.EndUserId, r.ItemId, r.Type, r.Value, r.OccurredAtUtc }).ToListAsync()).Select(r => $"Interaction {r}"));
        return [.. rows.Order(StringComparer.Ordinal)];
    }
}
