using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class EventsApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string OneEvent = """{"events":[{"user_id":"u1","item_id":"sku-1","type":"view","timestamp":"2026-01-01T10:00:00Z"}]}""";

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private HttpClient ClientWithKey(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Fact]
    public async Task NoKey_Is401WithAProblemSayingWhichHeader()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/v1/events", JsonContent(OneEvent));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownKey_Is401()
    {
        using var client = ClientWithKey(Application.DataSources.ApiKeys.ApiKeySecrets.Generate());

        var response = await client.PostAsync("/api/v1/events", JsonContent(OneEvent));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RevokedKey_Is401()
    {
        var key = await ApiKeys.CreateAsync(factory, await ApiKeys.TenantIdAsync(factory, "Demo Retail"), revoked: true);
        using var client = ClientWithKey(key);

        var response = await client.PostAsync("/api/v1/events", JsonContent(OneEvent));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task KeyInTheQueryString_Is400AndSaysToUseTheHeader()
    {
        var key = await ApiKeys.CreateAsync(factory, await ApiKeys.TenantIdAsync(factory, "Demo Retail"));
        using var client = factory.CreateClient();

        var response = await client.PostAsync($"/api/v1/events?api_key={key}", JsonContent(OneEvent));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Api-Key header", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyWithoutEventsWrite_Is403ProblemNamingTheMissingScope()
    {
        var key = await ApiKeys.CreateAsync(factory, await ApiKeys.TenantIdAsync(factory, "Demo Retail"), scopes: "recommendations:read");
        using var client = ClientWithKey(key);

        var response = await client.PostAsync("/api/v1/events", JsonContent(OneEvent));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("events:write", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missing_scope").GetString());
    }

    [Fact]
    public async Task SignedInBrowserWithoutKey_CannotUseTheApi()
    {
        using var client = await SignIn.AsAsync(factory, "admin@demo.local");

        var response = await client.PostAsync("/api/v1/events", JsonContent(OneEvent));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ValidKey_WritesTheBatchIntoTheKeysTenantOnly_AndAnswersWithCounts()
    {
        var tenant = await ApiKeys.RegisterOrganisationAsync(factory, "Events Org", "events-owner@example.test");
        var demo = await ApiKeys.TenantIdAsync(factory, "Demo Retail");
        using var client = ClientWithKey(await ApiKeys.CreateAsync(factory, tenant));

        var response = await client.PostAsync("/api/v1/events", JsonContent(
            """{"events":[{"user_id":"api-u1","item_id":"api-sku","type":"purchase","timestamp":1767261600},{"user_id":"api-u2","item_id":"api-sku","type":"rating","value":4}]}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 2, 1), (counts.GetProperty("interactions_written").GetInt32(), counts.GetProperty("created_users").GetInt32(), counts.GetProperty("created_placeholder_items").GetInt32()));
        Assert.Equal(2, await CountAsync(tenant, db => db.Interactions.CountAsync(i => i.EndUser!.ExternalId.StartsWith("api-"))));
        Assert.Equal(0, await CountAsync(demo, db => db.EndUsers.CountAsync(u => u.ExternalId.StartsWith("api-"))));
    }

    [Fact]
    public async Task UsersAndItems_AreUpserted()
    {
        var tenant = await ApiKeys.RegisterOrganisationAsync(factory, "Catalogue Org", "catalogue-owner@example.test");
        using var client = ClientWithKey(await ApiKeys.CreateAsync(factory, tenant));

        var users = await client.PostAsync("/api/v1/users", JsonContent(
            """{"users":[{"id":"c-u1","attributes":[{"key":"region","value":"North","sensitive":true,"quasi_identifier":true}]}]}"""));
        var items = await client.PostAsync("/api/v1/items", JsonContent(
            """{"items":[{"id":"c-sku","title":"Kettle","category":"Kitchen","tags":["steel"],"price":39.9}]}"""));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (users.StatusCode, items.StatusCode));
        Assert.Equal(1, (await users.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created_users").GetInt32());
        Assert.Equal(1, (await items.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created_items").GetInt32());
        Assert.Equal(1, await CountAsync(tenant, db => db.EndUserAttributes.CountAsync(a => a.Key == "region" && a.IsSensitive && a.IsQuasiIdentifier)));
    }

    [Fact]
    public async Task InvalidBatch_Is400ProblemListingEachRowFieldAndReason_AndWritesNothing()
    {
        var tenant = await ApiKeys.RegisterOrganisationAsync(factory, "Invalid Org", "invalid-owner@example.test");
        using var client = ClientWithKey(await ApiKeys.CreateAsync(factory, tenant));

        var response = await client.PostAsync("/api/v1/events", JsonContent(
            """{"events":[{"user_id":"u1","item_id":"i1","type":"view"},{"user_id":"u2","item_id":"i2","type":"rating","value":9}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((1, "value"), (error.GetProperty("index").GetInt32(), error.GetProperty("field").GetString()));
        Assert.Equal(0, await CountAsync(tenant, db => db.Interactions.CountAsync()));
    }

    [Fact]
    public async Task MalformedJson_Is400WithWhereItBroke()
    {
        var key = await ApiKeys.CreateAsync(factory, await ApiKeys.TenantIdAsync(factory, "Demo Retail"));
        using var client = ClientWithKey(key);

        var response = await client.PostAsync("/api/v1/events", JsonContent("""{"events":[{"userId":"u1"}]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("user_id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRows_Is413WithTheLimit()
    {
        var key = await ApiKeys.CreateAsync(factory, await ApiKeys.TenantIdAsync(factory, "Demo Retail"));
        using var client = ClientWithKey(key);
        var rows = string.Join(",", Enumerable.Repeat("""{"user_id":"u","item_id":"i","type":"view"}""", 1_001));

        var response = await client.PostAsync("/api/v1/events", JsonContent($$"""{"events":[{{rows}}]}"""));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 1,000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheEventsEndpointsAndTheApiKeyScheme()
    {
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string>(["/api/v1/events", "/api/v1/items", "/api/v1/users", "/api/v1/feedback"]), paths.ToHashSet());
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task ScalarReference_AnswersWithoutSigningIn()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await client.GetAsync("/scalar/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<int> CountAsync(Guid tenantId, Func<IAppDbContext, Task<int>> count)
    {
        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        return await count(db);
    }
}
