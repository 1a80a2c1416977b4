using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Application.Recommendations;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Data;
using Dashboard.Domain.Recommendations;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class FeedbackApiTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    // Each test's own: list ids are unique across organisations, like the ids the API issues.
    private readonly string _listId = RecommendationIds.New(new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.Zero));

    private static StringContent JsonContent(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Batch(params string[] rows) => $$"""{"feedback":[{{string.Join(",", rows)}}]}""";

    private string Row(string type, string item = "sku-1", string user = "fb-u1", string? recommendationId = null, string timestamp = "2026-01-01T10:00:05Z") =>
        $$"""{"recommendation_id":"{{recommendationId ?? _listId}}","item_id":"{{item}}","end_user_id":"{{user}}","type":"{{type}}","timestamp":"{{timestamp}}"}""";

    /// <summary>An organisation that was served the list the test's own list, and a client with its key.</summary>
    private async Task<(Guid Tenant, HttpClient Client)> OrganisationWithKeyAsync(string name, string scopes = "events:write")
    {
        var tenant = await ApiKeys.RegisterOrganisationAsync(factory, name, $"{name.Replace(' ', '-').ToLowerInvariant()}@example.test");
        await using (var db = TenantDb(tenant))
        {
            db.ServedRecommendations.Add(Served(_listId));
            await db.SaveChangesAsync();
        }

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await ApiKeys.CreateAsync(factory, tenant, scopes: scopes));
        return (tenant, client);
    }

    private static ServedRecommendation Served(string id, Guid? campaignId = null, Guid? armId = null) => new()
    {
        Id = id,
        EndUserExternalId = "fb-u1",
        BlendId = Guid.NewGuid(),
        ModelVersionId = Guid.NewGuid(),
        Personalised = true,
        ItemIdsJson = "[\"sku-1\",\"sku-2\"]",
        ServedAtUtc = new DateTime(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc),
        CampaignId = campaignId,
        CampaignArmId = armId,
    };

    [Fact]
    public async Task ValidBatch_StoresEveryRow_ClickBecomesAClickAndConversionAPurchase()
    {
        var (tenant, client) = await OrganisationWithKeyAsync("Feedback Org");

        var response = await client.PostAsync("/api/v1/feedback", JsonContent(Batch(Row("impression"), Row("click"), Row("conversion", timestamp: "2026-01-01T10:03:00Z"))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 3, 2), (summary.GetProperty("received").GetInt32(), summary.GetProperty("feedback_stored").GetInt32(), summary.GetProperty("interactions_written").GetInt32()));
        await using var db = TenantDb(tenant);
        Assert.Equal(3, await db.RecommendationFeedback.CountAsync(f => f.RecommendationId == _listId));
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
    public async Task UnknownRecommendationId_Is400NamingTheRow_AndNothingIsWritten()
    {
        var (tenant, client) = await OrganisationWithKeyAsync("Unknown List Feedback Org");
        var neverServed = RecommendationIds.New(new DateTimeOffset(2026, 1, 1, 11, 0, 0, TimeSpan.Zero));

        var response = await client.PostAsync("/api/v1/feedback", JsonContent(Batch(Row("click"), Row("click", recommendationId: neverServed))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray());
        Assert.Equal((1, "recommendation_id"), (error.GetProperty("index").GetInt32(), error.GetProperty("field").GetString()));
        await using var db = TenantDb(tenant);
        Assert.Equal((0, 0, 0), (await db.RecommendationFeedback.CountAsync(), await db.Interactions.CountAsync(), await db.EndUsers.CountAsync()));
    }

    [Fact]
    public async Task RecommendationIdServedToAnotherOrganisation_IsUnknown()
    {
        var otherTenant = await ApiKeys.RegisterOrganisationAsync(factory, "Other List Org", "other-list-org@example.test");
        var othersList = RecommendationIds.New(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using (var other = TenantDb(otherTenant))
        {
            other.ServedRecommendations.Add(Served(othersList));
            await other.SaveChangesAsync();
        }

        var (tenant, client) = await OrganisationWithKeyAsync("Own List Feedback Org");

        var response = await client.PostAsync("/api/v1/feedback", JsonContent(Batch(Row("click", recommendationId: othersList))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = TenantDb(tenant);
        Assert.Equal(0, await db.RecommendationFeedback.CountAsync());
    }

    [Fact]
    public async Task FeedbackSentBeforeItsListIsLogged_IsAccepted()
    {
        var (tenant, client) = await OrganisationWithKeyAsync("Quick Feedback Org");
        var justServed = RecommendationIds.New(new DateTimeOffset(2026, 1, 1, 13, 0, 0, TimeSpan.Zero));
        var queued = Served(justServed);
        queued.TenantId = tenant;
        factory.Services.GetRequiredService<ServedRecommendationLog>().Enqueue(queued);

        var response = await client.PostAsync("/api/v1/feedback", JsonContent(Batch(Row("click", recommendationId: justServed))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = TenantDb(tenant);
        Assert.Equal(1, await db.RecommendationFeedback.CountAsync(f => f.RecommendationId == justServed));
    }

    [Fact]
    public async Task FeedbackOnACampaignsList_CarriesItsCampaignAndArm()
    {
        var (tenant, client) = await OrganisationWithKeyAsync("Attributed Feedback Org");
        var campaignList = RecommendationIds.New(new DateTimeOffset(2026, 1, 1, 14, 0, 0, TimeSpan.Zero));
        var campaignId = Guid.NewGuid();
        var armId = Guid.NewGuid();
        await using (var setUp = TenantDb(tenant))
        {
            setUp.Campaigns.Add(new Campaign
            {
                Id = campaignId,
                Name = "Spring picks",
                RulesJson = "{}",
                ListSize = 5,
                State = CampaignState.Running,
                Arms = [new CampaignArm { Id = armId, Name = "A", SharePercent = 100 }],
            });
            setUp.ServedRecommendations.Add(Served(campaignList, campaignId, armId));
            await setUp.SaveChangesAsync();
        }

        (await client.PostAsync("/api/v1/feedback", JsonContent(Batch(Row("impression", recommendationId: campaignList), Row("click", recommendationId: campaignList), Row("click")))))
            .EnsureSuccessStatusCode();

        await using var db = TenantDb(tenant);
        var rows = await db.RecommendationFeedback.Select(f => new { f.RecommendationId, f.CampaignId, f.CampaignArmId }).ToListAsync();
        Assert.Equal(
            [(campaignId, armId), (campaignId, armId)],
            rows.Where(r => r.RecommendationId == campaignList).Select(r => (r.CampaignId!.Value, r.CampaignArmId!.Value)));
        var plain = Assert.Single(rows, r => r.RecommendationId == _listId);
        Assert.Equal((null, null), (plain.CampaignId, plain.CampaignArmId));
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
