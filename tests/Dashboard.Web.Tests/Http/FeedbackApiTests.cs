using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Application.Recommendations;
using Dashboard.Domain.Data;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class FeedbackApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly string RecommendationId = RecommendationIds.New(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Batch(params string[] rows) => $$"""{"feedback":[{{string.Join(",", rows)}}]}""";

    private static string Row(string type, string item = "sku-1", string user = "fb-u1", string? recommendationId = null, string timestamp = "2026-01-01T10:00:05Z") =>
        $$"""{"recommendation_id":"{{recommendationId ?? RecommendationId}}","item_id":"{{item}}","end_user_id":"{{user}}","type":"{{type}}","timestamp":"{{timestamp}}"}""";

    private async Task<(Guid Tenant, HttpClient Client)> OrganisationWithKeyAsync(string name, string scopes = "events:write")
    {
        var tenant = await ApiKeys.RegisterOrganisationAsync(factory, name, $"{name.Replace(' ', '-').ToLowerInvariant()}@example.test");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await ApiKeys.CreateAsync(factory, tenant, scopes: scopes));
        return (tenant, client);
    }

    [Fact]
    public async Task ValidBatch_StoresEveryRow_ClickBecomesAClickAndConversionAPurchase()
    {
        var (tenant, client) = await OrganisationWithKeyAsync("Feedback Org");

        var response = await client.PostAsync("/api/v1/feedback", JsonContent(Batch(Row("impression"), Row("click"), Row("conversion", timestamp: "2026-01-01T10:03:00Z"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 3, 2), (summary.GetProperty("received").GetInt32(), summary.GetProperty("feedback_stored").GetInt32(), summary.GetProperty("interactions_written").GetInt32()));
        await using var db = TenantDb(tenant);
        Assert.Equal(3, await db.RecommendationFeedback.CountAsync(f => f.RecommendationId == RecommendationId));
        Assert.Equal([InteractionType.Click, InteractionType.Purchase], await db.Interactions.OrderBy(i => i.OccurredAtUtc).Select(i => i.Type).ToListAsync());
    }

    [Fact]
    public async Task RetriedBatch_IsStoredOnce()
    {
        var (tenant, client) = await OrganisationWithKeyAsync("Retry Feedback Org");
        var body = Batch(Row("impression"), Row("click"));

        await client.PostAsync("/api/v1/feedback", JsonContent(body));
        var again = await client.PostAsync("/api/v1/feedback", JsonContent(body));

        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("feedback_stored").GetInt32());
        await using var db = TenantDb(tenant);
        Assert.Equal((2, 1), (await db.RecommendationFeedback.CountAsync(), await db.Interactions.CountAsync()));
    }

    [Fact]
    public async Task InvalidRows_Are400ListingEachRowAndField_AndNothingIsWritten()
    {
        var (tenant, client) = await OrganisationWithKeyAsync("Invalid Feedback Org");

        var response = await client.PostAsync("/api/v1/feedback", JsonContent(Batch(
            Row("click"), Row("click", recommendationId: "made-up"), Row("like"), Row("click", timestamp: "yesterday"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(1, "recommendation_id"), (2, "type"), (3, "timestamp")], errors);
        await using var db = TenantDb(tenant);
        Assert.Equal((0, 0, 0), (await db.RecommendationFeedback.CountAsync(), await db.Interactions.CountAsync(), await db.EndUsers.CountAsync()));
    }

    [Fact]
    public async Task EmptyBatch_Is400()
    {
        var (_, client) = await OrganisationWithKeyAsync("Empty Feedback Org");

        var response = await client.PostAsync("/api/v1/feedback", JsonContent("""{"feedback":[]}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task KeyWithoutEventsWrite_Is403NamingTheScope()
    {
        var (_, client) = await OrganisationWithKeyAsync("Reader Feedback Org", scopes: "recommendations:read");

        var response = await client.PostAsync("/api/v1/feedback", JsonContent(Batch(Row("click"))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("events:write", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missing_scope").GetString());
    }

    [Fact]
    public async Task NoKey_Is401()
    {
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/v1/feedback", JsonContent(Batch(Row("click"))));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private IAppDbContext TenantDb(Guid tenantId) => factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
}
