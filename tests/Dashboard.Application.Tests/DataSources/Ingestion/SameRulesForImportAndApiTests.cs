using System.Text.Json;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.DataSources.Ingestion;

/// <summary>File imports and the events API refuse and clean the same things (issue #9 item 7).</summary>
public sealed class SameRulesForImportAndApiTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Task<IngestOutcome> EventsAsync(TestHost host, Guid tenantId, params EventInput?[] rows) =>
        host.InScopeAsync<EventIngestService, IngestOutcome>(s => s.RecordEventsAsync(tenantId, rows));

    private static async Task<(ImportRun Run, List<Dashboard.Domain.DataSources.ImportError> Errors)> ImportInteractionsAsync(TestHost host, Guid tenantId, string csv)
    {
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, csv);
        var (runs, _) = await ImportAsync(host, tenantId, id);
        var run = runs.Single();
        return (run, await ErrorsAsync(host, tenantId, run.Id));
    }

    [Theory]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("0")]
    public async Task Import_TimestampBeforeTheEarliestAcceptedTime_IsARowError(string timestamp)
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;

        var (run, errors) = await ImportInteractionsAsync(host, admin.TenantId,
            $"user_id,item_id,event_type,value,timestamp\nu1,i1,view,,2026-06-01 10:00:00\nu1,i2,view,,{timestamp}\n");

        Assert.Equal((1L, 1L), (run.RowsAccepted, run.RowsRejected));
        Assert.Contains("before 2000-01-01", Assert.Single(errors).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("\"0001-01-01T00:00:00Z\"")]
    public async Task Api_TimestampBeforeTheEarliestAcceptedTime_RefusesTheBatch(string timestamp)
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await EventsAsync(host, tenant, new EventInput("u1", "i1", "view", null, Json(timestamp)));

        Assert.Equal("timestamp", Assert.Single(outcome.Problems).Field);
    }

    [Fact]
    public async Task Api_EarliestAcceptedTime_IsConfigurable()
    {
        await using var host = await TestHost.StartAsync(s => s.Configure<DataSourcesOptions>(o => o.EarliestTimestampUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await EventsAsync(host, tenant, new EventInput("u1", "i1", "view", null, Json("\"2025-12-31T23:00:00Z\"")));

        Assert.Contains("before 2026-01-01", Assert.Single(outcome.Problems).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("u\u200B1")]
    [InlineData("u\u202E1")]
    [InlineData("u\u20281")]
    public async Task Import_IdWithAnInvisibleOrDirectionCharacter_IsARowError(string user)
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;

        var (run, errors) = await ImportInteractionsAsync(host, admin.TenantId,
            $"user_id,item_id,event_type,value,timestamp\nu1,i1,view,,2026-06-01 10:00:00\n{user},i1,click,,2026-06-01 10:00:00\n");

        Assert.Equal((1L, 1L), (run.RowsAccepted, run.RowsRejected));
        Assert.Contains("invisible or text-direction", Assert.Single(errors).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("u\u200B1")]
    [InlineData("u\u202E1")]
    [InlineData("u\u20281")]
    public async Task Api_IdWithAnInvisibleOrDirectionCharacter_RefusesTheBatch(string user)
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await EventsAsync(host, tenant, new EventInput(user, "i1", "view"));

        Assert.Equal("user_id", Assert.Single(outcome.Problems).Field);
    }

    [Fact]
    public async Task Api_IdsPaddedWithSpaces_AreTheSameEndUserAndItem()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        await EventsAsync(host, tenant, new EventInput("u1", "i1", "view"), new EventInput(" u1 ", "i1 ", "click"));
        await host.InScopeAsync<EventIngestService, IngestOutcome>(s => s.UpsertUsersAsync(tenant, [new UserInput("  u1")]));

        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal(["u1"], await db.EndUsers.Select(u => u.ExternalId).ToListAsync());
        Assert.Equal(["i1"], await db.Items.Select(i => i.ExternalId).ToListAsync());
    }

    [Fact]
    public async Task Import_PriceAboveATrillion_IsAcceptedAsByTheApi()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Items, "id,title,price\ni1,Yacht,5000000000000\n");

        var (runs, _) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal(1L, runs.Single().RowsAccepted);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(5_000_000_000_000m, (await db.Items.SingleAsync()).Price);
    }
}
