using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Recommendations;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

/// <summary>
/// <c>GET /api/v1/recommendations?campaign=…</c> and feedback on campaign lists, against the trained "Serving Org"
/// (40 end-users s-u0…s-u39 who all bought something). Campaigns, segments and arms are written straight to the database.
/// </summary>
public sealed class CampaignServingApiTests(TrainedOrganisation org) : IClassFixture<TrainedOrganisation>
{
    private static readonly SegmentDefinition Purchasers =
        new(SegmentMatch.All, [new SegmentGroup(SegmentMatch.All, [new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, Number: 1)])]);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    private IAppDbContext Db(Guid? tenantId = null) => org.Factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId ?? org.TenantId);

    private async Task<Guid> DefaultBlendAsync()
    {
        await using var db = Db();
        return await db.Blends.Where(b => b.Name == "Default").Select(b => b.Id).SingleAsync();
    }

    /// <summary>A second blend serving a copy of Default's active version (same stored model), whose review is <paramref name="review"/>.</summary>
    private async Task<Guid> BlendLikeDefaultAsync(string name, ReleaseReview review)
    {
        await using var db = Db();
        var blend = await db.Blends.AsNoTracking().SingleAsync(b => b.Name == "Default");
        var version = await db.ModelVersions.AsNoTracking().SingleAsync(v => v.Id == blend.ActiveVersionId);
        var copy = new Blend { Id = Guid.NewGuid(), Name = name, SpecJson = blend.SpecJson, KeepVersions = blend.KeepVersions, ConcurrencyStamp = Guid.NewGuid() };
        version.Id = Guid.NewGuid();
        version.BlendId = copy.Id;
        version.JobRunId = null;
        version.Review = review;
        db.Blends.Add(copy);
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync();
        copy.ActiveVersionId = version.Id;
        await db.SaveChangesAsync();
        return copy.Id;
    }

    private async Task<Campaign> CampaignAsync(
        string name, IReadOnlyList<(string Name, Guid? BlendId, int Share)> arms, CampaignState state = CampaignState.Running,
        CampaignChannel channel = CampaignChannel.Web, SegmentDefinition? segment = null, CampaignRules? rules = null, int listSize = 5,
        DateTime? startsAtUtc = null, Guid? tenantId = null)
    {
        await using var db = Db(tenantId);
        var audience = new Segment { Id = Guid.NewGuid(), Name = name + " audience", DefinitionJson = (segment ?? Purchasers).ToJson(), ConcurrencyStamp = Guid.NewGuid() };
        var campaign = new Campaign
        {
            Id = Guid.NewGuid(),
            Name = name,
            Channel = channel,
            SegmentId = audience.Id,
            RulesJson = (rules ?? CampaignRules.None).ToJson(),
            ListSize = listSize,
            StartsAtUtc = startsAtUtc ?? DateTime.UtcNow.AddDays(-1),
            State = state,
            ConcurrencyStamp = Guid.NewGuid(),
            Arms = [.. arms.Select((a, i) => new CampaignArm { Id = Guid.NewGuid(), Name = a.Name, BlendId = a.BlendId, SharePercent = a.Share, Position = i })],
        };
        db.Segments.Add(audience);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign;
    }

    private async Task<Campaign> SingleArmCampaignAsync(string name, CampaignState state = CampaignState.Running, CampaignChannel channel = CampaignChannel.Web,
        CampaignRules? rules = null, int listSize = 5, DateTime? startsAtUtc = null) =>
        await CampaignAsync(name, [("A", await DefaultBlendAsync(), 100)], state, channel, rules: rules, listSize: listSize, startsAtUtc: startsAtUtc);

    [Fact]
    public async Task AbCampaign_ServesEachEndUserFromTheirArmsBlend_TheSameArmOnEveryCall()
    {
        var popular = await BlendLikeDefaultAsync("Picks B", ReleaseReview.Cleared);
        var campaign = await CampaignAsync("Spring picks", [("A", await DefaultBlendAsync(), 50), ("B", popular, 50)]);
        using var client = org.Client();

        var served = new List<(string User, string Arm, string Blend)>();
        for (var u = 0; u < 12; u++)
        {
            for (var call = 0; call < 2; call++)
            {
                var response = await client.GetAsync($"/api/v1/recommendations?user_id=s-u{u}&campaign=Spring%20picks");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var list = await JsonAsync(response);
                Assert.Equal("Spring picks", list.GetProperty("campaign").GetString());
                served.Add(($"s-u{u}", list.GetProperty("arm").GetString()!, list.GetProperty("blend").GetString()!));
            }
        }

        var expected = served.Select(s => s.User).Distinct().Select(user => (user, ArmAssignment.Assign(campaign.Arms, campaign.Id, user).Name)).ToList();
        Assert.Equal(expected.SelectMany(e => new[] { e, e }), served.Select(s => (s.User, s.Arm)));
        Assert.All(served, s => Assert.Equal(s.Arm == "A" ? "Default" : "Picks B", s.Blend));
        Assert.Equal(["A", "B"], served.Select(s => s.Arm).Distinct().Order());
    }

    [Fact]
    public async Task CampaignByItsId_ServesTheSameCampaign()
    {
        var campaign = await SingleArmCampaignAsync("By id");
        using var client = org.Client();

        var list = await JsonAsync(await client.GetAsync($"/api/v1/recommendations?user_id=s-u2&campaign={campaign.Id}"));

        Assert.Equal(("By id", "A"), (list.GetProperty("campaign").GetString(), list.GetProperty("arm").GetString()));
    }

    [Fact]
    public async Task CampaignList_HasTheCampaignsListSizeAndRules_UnlessCountIsGiven()
    {
        await SingleArmCampaignAsync("Kitchen only", rules: new CampaignRules { IncludeCategories = ["Kitchen"] }, listSize: 4);
        using var client = org.Client();

        var list = await JsonAsync(await client.GetAsync("/api/v1/recommendations?user_id=s-u5&campaign=Kitchen%20only"));
        var shorter = await JsonAsync(await client.GetAsync("/api/v1/recommendations?user_id=s-u5&campaign=Kitchen%20only&count=2"));

        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.Equal("Kitchen", i.GetProperty("category").GetString()));
        Assert.Equal(2, shorter.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task CampaignList_IsLoggedWithCampaignAndArm_AndFeedbackOnItIsAttributedToThem()
    {
        var campaign = await SingleArmCampaignAsync("Attributed");
        using var client = org.Client();
        var list = await JsonAsync(await client.GetAsync("/api/v1/recommendations?user_id=s-u6&campaign=Attributed"));
        var id = list.GetProperty("recommendation_id").GetString()!;
        var item = list.GetProperty("items")[0].GetProperty("item_id").GetString();

        // Sent at once: the list may not be logged yet, and feedback must still find it.
        var feedback = await client.PostAsync("/api/v1/feedback", TrainedOrganisation.Json(
            $$"""{"feedback":[{"recommendation_id":"{{id}}","item_id":"{{item}}","end_user_id":"s-u6","type":"impression"},{"recommendation_id":"{{id}}","item_id":"{{item}}","end_user_id":"s-u6","type":"click"}]}"""));

        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        var arm = campaign.Arms[0].Id;
        await using var db = Db();
        var logged = await db.ServedRecommendations.SingleAsync(s => s.Id == id);
        Assert.Equal((campaign.Id, arm), (logged.CampaignId!.Value, logged.CampaignArmId!.Value));
        var rows = await db.RecommendationFeedback.Where(f => f.RecommendationId == id).Select(f => new { f.CampaignId, f.CampaignArmId }).ToListAsync();
        Assert.Equal([(campaign.Id, arm), (campaign.Id, arm)], rows.Select(r => (r.CampaignId!.Value, r.CampaignArmId!.Value)));
    }

    [Fact]
    public async Task ListWithoutCampaign_NamesNoCampaignOrArm_AndIsLoggedWithout()
    {
        using var client = org.Client();

        var list = await JsonAsync(await client.GetAsync("/api/v1/recommendations?user_id=s-u8&count=3"));

        Assert.Equal(JsonValueKind.Null, list.GetProperty("campaign").ValueKind);
        Assert.Equal(JsonValueKind.Null, list.GetProperty("arm").ValueKind);
        await org.Factory.Services.GetRequiredService<ServedRecommendationLog>().FlushAsync(CancellationToken.None);
        await using var db = Db();
        var logged = await db.ServedRecommendations.SingleAsync(s => s.Id == list.GetProperty("recommendation_id").GetString());
        Assert.Null(logged.CampaignId);
    }

    [Fact]
    public async Task PausedCampaign_Is409NamingItsState()
    {
        await SingleArmCampaignAsync("Paused one", CampaignState.Paused);
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&campaign=Paused%20one");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("is paused, not running", Detail(await JsonAsync(response)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CampaignState.Draft, "a draft")]
    [InlineData(CampaignState.Ended, "ended")]
    [InlineData(CampaignState.Scheduled, "scheduled to start")]
    public async Task CampaignThatIsNotRunning_Is409NamingItsState(CampaignState state, string said)
    {
        var name = $"Not running {state}";
        await SingleArmCampaignAsync(name, state, startsAtUtc: DateTime.UtcNow.AddDays(3));
        using var client = org.Client();

        var response = await client.GetAsync($"/api/v1/recommendations?user_id=s-u1&campaign={Uri.EscapeDataString(name)}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"is {said}", Detail(await JsonAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledCampaignWhoseStartHasCome_Serves()
    {
        await SingleArmCampaignAsync("Started on its own", CampaignState.Scheduled, startsAtUtc: DateTime.UtcNow.AddMinutes(-1));
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&campaign=Started%20on%20its%20own");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task EmailCampaign_Is409SayingItIsDeliveredByExport()
    {
        await SingleArmCampaignAsync("Newsletter", channel: CampaignChannel.Email);
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&campaign=Newsletter");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("e-mail campaigns are delivered by export", Detail(await JsonAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndUserOutsideTheSegment_Is404NotInTheAudience()
    {
        var bigSpenders = new SegmentDefinition(SegmentMatch.All, [new SegmentGroup(SegmentMatch.All, [new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, Number: 50)])]);
        await CampaignAsync("Big spenders", [("A", await DefaultBlendAsync(), 100)], segment: bigSpenders);
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&campaign=Big%20spenders");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await JsonAsync(response);
        Assert.Equal("Not in the campaign's audience", problem.GetProperty("title").GetString());
        Assert.Contains("without campaign=", Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCampaign_Is404NamingIt()
    {
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&campaign=Winter%20sale");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"Winter sale\"", Detail(await JsonAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignOfAnotherOrganisation_IsUnknownToThisKey()
    {
        var campaign = await SingleArmCampaignAsync("Ours only");
        var other = await ApiKeys.RegisterOrganisationAsync(org.Factory, "Other Campaign Org", "other-campaign@example.test");
        using var client = org.Client(await ApiKeys.CreateAsync(org.Factory, other, scopes: "recommendations:read"));

        var byName = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&campaign=Ours%20only");
        var byId = await client.GetAsync($"/api/v1/recommendations?user_id=s-u1&campaign={campaign.Id}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (byName.StatusCode, byId.StatusCode));
    }

    [Fact]
    public async Task ArmWhoseBlendWasDeleted_Is409NamingTheArm()
    {
        await CampaignAsync("Orphaned arm", [("Control", null, 100)]);
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&campaign=Orphaned%20arm");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Arm “Control”", Detail(await JsonAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArmWhoseVersionTheGateBlocks_Is409NamingTheArmAndTheReason()
    {
        var blocked = await BlendLikeDefaultAsync("Held back", ReleaseReview.AwaitingReview);
        await CampaignAsync("Gated", [("B", blocked, 100)]);
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&campaign=Gated");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var detail = Detail(await JsonAsync(response));
        Assert.Contains("Arm “B”", detail, StringComparison.Ordinal);
        Assert.Contains("compliance officer must review it", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignWhoseSegmentWasDeleted_Is409()
    {
        var campaign = await SingleArmCampaignAsync("Lost audience");
        await using (var db = Db())
        {
            await db.Segments.Where(s => s.Id == campaign.SegmentId).ExecuteDeleteAsync();
        }

        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&campaign=Lost%20audience");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("segment", Detail(await JsonAsync(response)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlendAndCampaignTogether_Is400()
    {
        await SingleArmCampaignAsync("With a blend");
        using var client = org.Client();

        var response = await client.GetAsync("/api/v1/recommendations?user_id=s-u1&campaign=With%20a%20blend&blend=Default");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheCampaignParameter()
    {
        using var client = org.Factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var parameters = document.GetProperty("paths").GetProperty("/api/v1/recommendations").GetProperty("get").GetProperty("parameters");
        Assert.Contains(parameters.EnumerateArray(), p => p.GetProperty("name").GetString() == "campaign");
    }
}
