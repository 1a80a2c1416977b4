using System.Text.Json;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.DataSources.EventsApi;

public sealed class EventIngestServiceTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static EventInput Event(string user = "u1", string item = "i1", string type = "view", double? value = null, string? timestamp = "\"2026-06-01T10:00:00Z\"") =>
        new(user, item, type, value, timestamp is null ? null : Json(timestamp));

    private static Task<IngestOutcome> EventsAsync(TestHost host, Guid tenantId, params EventInput?[] rows) =>
        host.InScopeAsync<EventIngestService, IngestOutcome>(s => s.RecordEventsAsync(tenantId, rows));

    private static Task<IngestOutcome> UsersAsync(TestHost host, Guid tenantId, params UserInput?[] rows) =>
        host.InScopeAsync<EventIngestService, IngestOutcome>(s => s.UpsertUsersAsync(tenantId, rows));

    private static Task<IngestOutcome> ItemsAsync(TestHost host, Guid tenantId, params ItemInput?[] rows) =>
        host.InScopeAsync<EventIngestService, IngestOutcome>(s => s.UpsertItemsAsync(tenantId, rows));

    [Fact]
    public async Task Events_ValidBatch_WritesInteractionsWithTypeValueAndTime()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await EventsAsync(host, tenant, Event(type: "purchase"), Event(type: "rating", value: 4.5, timestamp: "1777627800"));

        Assert.Equal(2, outcome.Summary!.InteractionsWritten);
        await using var db = host.CreateTenantContext(tenant);
        var written = await db.Interactions.OrderBy(i => i.OccurredAtUtc).Select(i => new { i.Type, i.Value, i.OccurredAtUtc }).ToListAsync();
        Assert.Equal(
            [new { Type = InteractionType.Rating, Value = 4.5, OccurredAtUtc = new DateTime(2026, 5, 1, 9, 30, 0) },
             new { Type = InteractionType.Purchase, Value = 1.0, OccurredAtUtc = new DateTime(2026, 6, 1, 10, 0, 0) }],
            written);
    }

    [Fact]
    public async Task Events_UnknownUserAndItem_AreCreated_ItemAsAPlaceholderTitledWithItsId()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await EventsAsync(host, tenant, Event("u1", "sku-9"), Event("u1", "sku-9", "click"), Event("u2", "sku-9"));

        Assert.Equal((2, 1), (outcome.Summary!.CreatedUsers, outcome.Summary.CreatedPlaceholderItems));
        await using var db = host.CreateTenantContext(tenant);
        var item = await db.Items.SingleAsync();
        Assert.Equal(("sku-9", "sku-9", true), (item.ExternalId, item.Title, item.IsPlaceholder));
        Assert.Equal(["u1", "u2"], await db.EndUsers.Select(u => u.ExternalId).OrderBy(x => x).ToListAsync());
    }

    [Fact]
    public async Task Events_KnownUserAndItem_AreReused()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        await EventsAsync(host, tenant, Event());

        var outcome = await EventsAsync(host, tenant, Event(type: "click"));

        Assert.Equal((0, 0, 1), (outcome.Summary!.CreatedUsers, outcome.Summary.CreatedPlaceholderItems, outcome.Summary.InteractionsWritten));
    }

    [Fact]
    public async Task Events_ABatchSentTwice_IsStoredOnce()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        EventInput[] batch = [Event("u1", "i1"), Event("u2", "i1", "purchase")];
        await EventsAsync(host, tenant, batch);

        var retry = await EventsAsync(host, tenant, [.. batch, Event("u2", "i1", "click")]);

        Assert.Equal((1, 2), (retry.Summary!.InteractionsWritten, retry.Summary.DuplicatesSkipped));
        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal(3, await db.Interactions.CountAsync());
    }

    [Fact]
    public async Task Events_RepeatedWithinABatch_AreStoredOnceAndCreateNothingExtra()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await EventsAsync(host, tenant, Event("u1", "i1"), Event("u1", "i1"), Event("u1", "i1", timestamp: "\"2026-06-01T11:00:00Z\""));

        Assert.Equal((2, 1, 1), (outcome.Summary!.InteractionsWritten, outcome.Summary.DuplicatesSkipped, outcome.Summary.CreatedUsers));
    }

    [Fact]
    public async Task Events_OneBadRow_WritesNothingAtAll()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await EventsAsync(host, tenant, Event("u1", "i1"), Event("u2", "i2", "buy"), Event("u3", "i3"));

        Assert.False(outcome.Succeeded);
        await using var db = host.CreateTenantContext(tenant);
        Assert.Equal((0, 0, 0), (await db.Interactions.CountAsync(), await db.EndUsers.CountAsync(), await db.Items.CountAsync()));
    }

    public static TheoryData<EventInput, string> BadEvents() => new()
    {
        { Event(user: ""), "user_id" },
        { Event(user: new string('u', 129)), "user_id" },
        { Event(item: " "), "item_id" },
        { Event(type: "buy"), "type" },
        { Event(type: "rating", value: null), "value" },
        { Event(type: "rating", value: 0.4), "value" },
        { Event(type: "rating", value: 5.5), "value" },
        { Event(type: "view", value: 3), "value" },
        { Event(timestamp: "\"2026-06-30T12:06:00Z\""), "timestamp" },
        { Event(timestamp: "\"last tuesday\""), "timestamp" },
    };

    [Theory]
    [MemberData(nameof(BadEvents))]
    public async Task Events_EachBadField_GetsItsOwnProblemWithRowAndField(EventInput bad, string field)
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await EventsAsync(host, tenant, Event(), bad);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((1, field), (problem.Index, problem.Field));
        Assert.False(string.IsNullOrWhiteSpace(problem.Reason));
    }

    [Fact]
    public async Task Events_EveryProblemOfEveryRowIsListed()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await EventsAsync(host, tenant, new EventInput("", "", "nope", null, Json("\"never\"")), null, Event());

        Assert.Equal(
            [(0, "user_id"), (0, "item_id"), (0, "type"), (0, "timestamp"), (1, "")],
            outcome.Problems.Select(p => (p.Index, p.Field)));
    }

    [Fact]
    public async Task Events_MoreRowsThanTheLimit_AreRefusedAsTooLarge()
    {
        await using var host = await TestHost.StartAsync(s => s.Configure<EventsApiOptions>(o => o.MaxBatchSize = 2));
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await EventsAsync(host, tenant, Event(), Event(), Event());

        Assert.True(outcome.TooLarge);
        Assert.Contains("at most 2", Assert.Single(outcome.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_AreWrittenOnlyIntoTheGivenTenant()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = (await host.RegisterOrganisationAsync("Alpha", "a@example.test")).TenantId;
        var beta = (await host.RegisterOrganisationAsync("Beta", "b@example.test")).TenantId;

        await EventsAsync(host, alpha, Event());

        await using var db = host.CreateTenantContext(beta);
        Assert.False(await db.Interactions.AnyAsync());
        Assert.False(await db.EndUsers.AnyAsync());
    }

    [Fact]
    public async Task Users_Upsert_CreatesThenUpdatesAttributesByKey_WithTheirFlags()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        await UsersAsync(host, tenant, new UserInput("u1", [new("region", "North", true, true), new("age_band", "25-34", QuasiIdentifier: true)]));

        var outcome = await UsersAsync(host, tenant, new UserInput("u1", [new("region", "South", Sensitive: true)]));

        Assert.Equal((0, 1), (outcome.Summary!.CreatedUsers, outcome.Summary.UpdatedUsers));
        await using var db = host.CreateTenantContext(tenant);
        var protector = host.Services.GetRequiredService<IAttributeValueProtector>();
        var attributes = (await db.EndUserAttributes.OrderBy(a => a.Key).ToListAsync())
            .Select(a => new { a.Key, Value = a.IsSensitive ? protector.Unprotect(tenant, a.Value) : a.Value, a.IsSensitive, a.IsQuasiIdentifier }).ToList();
        Assert.Equal(
            [new { Key = "age_band", Value = "25-34", IsSensitive = false, IsQuasiIdentifier = true },
             new { Key = "region", Value = "South", IsSensitive = true, IsQuasiIdentifier = false }],
            attributes);
    }

    [Fact]
    public async Task Users_SameIdTwiceInABatch_IsAProblem()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await UsersAsync(host, tenant, new UserInput("u1"), new UserInput("u1"));

        Assert.Equal((1, "id"), (Assert.Single(outcome.Problems).Index, outcome.Problems[0].Field));
    }

    [Fact]
    public async Task Users_BadAttribute_NamesTheAttributeField()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await UsersAsync(host, tenant, new UserInput("u1", [new("region", "North"), new("", "x"), new("tier", null)]));

        Assert.Equal(["attributes[1].key", "attributes[2].value"], outcome.Problems.Select(p => p.Field));
    }

    [Fact]
    public async Task Items_SecondPost_UpdatesTitleAndCategory_AndKeepsFieldsLeftOut()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        await ItemsAsync(host, tenant, new ItemInput("sku-1", "Kettle", "Kitchen", ["steel", "1.7l"], 39.90m, [new("brand", "Acme")]));

        var outcome = await ItemsAsync(host, tenant, new ItemInput("sku-1", "Electric kettle", "Appliances"));

        Assert.Equal((0, 1), (outcome.Summary!.CreatedItems, outcome.Summary.UpdatedItems));
        await using var db = host.CreateTenantContext(tenant);
        var item = await db.Items.Include(i => i.Attributes).SingleAsync();
        Assert.Equal(("Electric kettle", "Appliances", "steel,1.7l", 39.90m), (item.Title, item.Category, item.Tags, item.Price));
        Assert.Equal("Acme", Assert.Single(item.Attributes).Value);
    }

    [Fact]
    public async Task Items_Upsert_TurnsAPlaceholderIntoARealItem()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;
        await EventsAsync(host, tenant, Event(item: "sku-1"));

        await ItemsAsync(host, tenant, new ItemInput("sku-1", "Kettle"));

        await using var db = host.CreateTenantContext(tenant);
        var item = await db.Items.SingleAsync();
        Assert.Equal(("Kettle", false), (item.Title, item.IsPlaceholder));
    }

    public static TheoryData<ItemInput, string> BadItems() => new()
    {
        { new ItemInput("", "Kettle"), "id" },
        { new ItemInput("sku-1", null), "title" },
        { new ItemInput("sku-1", new string('t', 257)), "title" },
        { new ItemInput("sku-1", "Kettle", new string('c', 129)), "category" },
        { new ItemInput("sku-1", "Kettle", Tags: ["a,b"]), "tags[0]" },
        { new ItemInput("sku-1", "Kettle", Price: -1m), "price" },
        { new ItemInput("sku-1", "Kettle", Attributes: [new("brand", new string('v', 257))]), "attributes[0].value" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task Items_EachBadField_GetsItsOwnProblem(ItemInput bad, string field)
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await ItemsAsync(host, tenant, bad);

        Assert.Equal((0, field), (Assert.Single(outcome.Problems).Index, outcome.Problems[0].Field));
        await using var db = host.CreateTenantContext(tenant);
        Assert.False(await db.Items.AnyAsync());
    }

    [Fact]
    public async Task EmptyBatch_IsRefusedWithAMessage()
    {
        await using var host = await TestHost.StartAsync();
        var tenant = (await host.RegisterOrganisationAsync("Alpha")).TenantId;

        var outcome = await host.InScopeAsync<EventIngestService, IngestOutcome>(s => s.RecordEventsAsync(tenant, []));

        Assert.Contains("empty", Assert.Single(outcome.Problems).Reason, StringComparison.Ordinal);
    }
}
