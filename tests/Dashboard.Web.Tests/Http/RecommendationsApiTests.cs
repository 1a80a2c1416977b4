using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Application.Recommendations;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class RecommendationsApiTests(TrainedOrganisation org) : IClassFixture<TrainedOrganisation>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static List<string> ItemIds(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item_id").GetString()!)];

    [Fact]
    public async Task KnownEndUser_GetsAPersonalisedListFromTheActiveVersion_WithAnIdForFeedback()
    {
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u3&count=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await JsonAsync(response);
        Assert.True(list.GetProperty("personalised").GetBoolean());
        Assert.Equal(("Default", 1), (list.GetProperty("blend").GetString(), list.GetProperty("model_version").GetInt32()));
        Assert.True(RecommendationIds.IsWellFormed(list.GetProperty("recommendation_id").GetString()));
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4, 5], items.Select(i => i.GetProperty("rank").GetInt32()));
        Assert.All(items, i => Assert.StartsWith("Item ", i.GetProperty("title").GetString(), StringComparison.Ordinal));
        Assert.All(items, i => Assert.NotEmpty(i.GetProperty("reason_codes").EnumerateArray()));
    }

    [Fact]
    public async Task ServedList_IsLoggedUnderItsRecommendationId()
    {
        using var client = org.Client();
        var list = await JsonAsync(await client.GetAsync("/api/v1/recommendations?user_id=s-u4&count=3"));

        await org.Factory.Services.GetRequiredService<ServedRecommendationLog>().FlushAsync(CancellationToken.None);

        await using var db = org.Factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(org.TenantId);
        var logged = await db.ServedRecommendations.SingleAsync(s => s.Id == list.GetProperty("recommendation_id").GetString());
        Assert.Equal(("s-u4", true), (logged.EndUserExternalId, logged.Personalised));
        Assert.Equal(ItemIds(list), JsonSerializer.Deserialize<List<string>>(logged.ItemIdsJson));
    }

    [Fact]
    public async Task UnknownEndUser_GetsPopularItems_NotPersonalised()
    {
        using var client = org.Client();

        var list = await JsonAsync(await client.GetAsync("/api/v1/recommendations?user_id=never-seen&count=5"));

        Assert.False(list.GetProperty("personalised").GetBoolean());
        Assert.Equal(5, ItemIds(list).Count);
    }

    [Fact]
    public async Task EndUserOfAnotherOrganisation_IsSimplyUnknown()
    {
        var other = await ApiKeys.RegisterOrganisationAsync(org.Factory, "Other Serving Org", "other-serving@example.test");
        using (var otherClient = org.Client(await ApiKeys.CreateAsync(org.Factory, other)))
        {
            (await otherClient.PostAsync("/api/v1/events", TrainedOrganisation.Json("""{"events":[{"user_id":"other-only","item_id":"s-i1","type":"purchase"}]}"""))).EnsureSuccessStatusCode();
        }

        using var client = org.Client();
        var list = await JsonAsync(await client.GetAsync("/api/v1/recommendations?user_id=other-only"));

        Assert.False(list.GetProperty("personalised").GetBoolean());
    }

    [Fact]
    public async Task ExcludedCategories_AreLeftOut()
    {
        using var client = org.Client();

        var list = await JsonAsync(await client.GetAsync("/api/v1/recommendations?user_id=s-u5&count=8&exclude_categories=Garden"));

        Assert.NotEmpty(ItemIds(list));
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal("Kitchen", i.GetProperty("category").GetString()));
    }

    [Fact]
    public async Task AnEventSentAfterTraining_ChangesThatEndUsersNextList_WithoutRetraining()
    {
        using var client = org.Client();
        var before = ItemIds(await JsonAsync(await client.GetAsync("/api/v1/recommendations?user_id=s-u7&count=5")));

        (await client.PostAsync("/api/v1/events", TrainedOrganisation.Json($$"""{"events":[{"user_id":"s-u7","item_id":"{{before[0]}}","type":"purchase"}]}""")))
            .EnsureSuccessStatusCode();
        var after = ItemIds(await JsonAsync(await client.GetAsync("/api/v1/recommendations?user_id=s-u7&count=5")));

        Assert.DoesNotContain(before[0], after);
    }

    [Fact]
    public async Task SimilarItems_ComeFromTheActiveVersion()
    {
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/items/s-i2/similar?count=4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await JsonAsync(response);
        Assert.InRange(ItemIds(list).Count, 1, 4);
        Assert.DoesNotContain("s-i2", ItemIds(list));
        Assert.False(list.GetProperty("personalised").GetBoolean());
    }

    [Fact]
    public async Task SimilarItems_OfAnUnknownItem_IsAnEmptyList()
    {
        using var client = org.Client();

        var list = await JsonAsync(await client.GetAsync("/api/v1/items/no-such-item/similar"));

        Assert.Empty(ItemIds(list));
    }

    [Theory]
    [InlineData("/api/v1/recommendations?user_id=s-u1&count=0")]
    [InlineData("/api/v1/recommendations?user_id=s-u1&count=101")]
    [InlineData("/api/v1/items/s-i1/similar?count=0")]
    [InlineData("/api/v1/items/s-i1/similar?count=101")]
    [InlineData("/api/v1/recommendations?count=10")]
    public async Task CountOutOfRangeOrMissingUser_Is400Problem(string url)
    {
        using var client = org.Client();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task UnknownBlend_Is404ProblemNamingIt()
    {
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&blend=Summer");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"Summer\"", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlendWithoutAnActiveVersion_Is409ProblemWithASentence()
    {
        var untrained = await ApiKeys.RegisterOrganisationAsync(org.Factory, "Untrained Org", "untrained@example.test");
        using var client = org.Client(await ApiKeys.CreateAsync(org.Factory, untrained, scopes: "recommendations:read"));

        var response = await client.GetAsync("/api/v1/recommendations?user_id=u1");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no active model version", (await JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoKey_Is401()
    {
        using var client = org.Factory.CreateClient();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/recommendations?user_id=s-u1")]
    [InlineData("/api/v1/items/s-i1/similar")]
    public async Task KeyWithoutRecommendationsRead_Is403NamingTheScope(string url)
    {
        using var client = org.Client(await ApiKeys.CreateAsync(org.Factory, org.TenantId, scopes: "events:write"));

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("recommendations:read", (await JsonAsync(response)).GetProperty("missing_scope").GetString());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheServingEndpoints()
    {
        using var client = org.Factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/recommendations", out var recommendations));
        Assert.True(paths.TryGetProperty("/api/v1/items/{id}/similar", out _));
        Assert.True(recommendations.GetProperty("get").GetProperty("responses").TryGetProperty("409", out _));
        var example = recommendations.GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.True(RecommendationIds.IsWellFormed(example.GetProperty("recommendation_id").GetString()));
        var feedbackExample = paths.GetProperty("/api/v1/feedback").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.All(feedbackExample.GetProperty("feedback").EnumerateArray(), f => Assert.True(RecommendationIds.IsWellFormed(f.GetProperty("recommendation_id").GetString())));
    }
}
