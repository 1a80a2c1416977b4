using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Common;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Recommendations;
using Dashboard.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.Campaigns;

public sealed class CampaignResultsServiceTests
{
    /// <summary>The test host's clock: 2026-06-30 12:00 UTC.</summary>
    private static readonly DateTime Day1 = new(2026, 6, 28, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Day2 = Day1.AddDays(1);

    private static async Task<(TestHost Host, CallerContext Admin, Guid BlendId)> StartAsync()
    {
        var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var blendId = await db.Blends.Where(b => b.Name == BlendDefaults.DefaultBlendName).Select(b => b.Id).SingleAsync();
        return (host, admin, blendId);
    }

    private static Task<CampaignResults> ResultsAsync(TestHost host, Guid campaignId) =>
        host.InScopeAsync<CampaignResultsService, CampaignResults>(s => s.ForCampaignAsync(campaignId));

    [Fact]
    public async Task Results_AttributeListsAndFeedbackToTheArmTheyCarry()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (campaignId, arms) = await CampaignResultsSeed.CampaignAsync(db, "Spring", blendId, Day1);
        var (otherId, otherArms) = await CampaignResultsSeed.CampaignAsync(db, "Other", blendId, Day1);
        await CampaignResultsSeed.ServeAsync(db, campaignId, arms[0], Day1, lists: 2, itemsPerList: 5, clicks: 3, conversions: 1);
        await CampaignResultsSeed.ServeAsync(db, campaignId, arms[1], Day1, lists: 1, itemsPerList: 5, clicks: 1, conversions: 0);
        await CampaignResultsSeed.ServeAsync(db, otherId, otherArms[1], Day1, lists: 4, itemsPerList: 5, clicks: 5, conversions: 5);

        var results = await ResultsAsync(host, campaignId);

        Assert.Equal([("A", 2L, 10L, 3L, 1L), ("B", 1L, 5L, 1L, 0L)],
            results.Arms.Select(a => (a.Name, a.ListsServed, a.Impressions, a.Clicks, a.Conversions)));
    }

    [Fact]
    public async Task Results_IgnoreFeedbackOutsideAnyCampaign()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (campaignId, arms) = await CampaignResultsSeed.CampaignAsync(db, "Spring", blendId, Day1);
        await CampaignResultsSeed.ServeAsync(db, campaignId, arms[0], Day1, lists: 1, itemsPerList: 4, clicks: 1, conversions: 0);
        var (userId, itemId) = (await db.EndUsers.Select(u => u.Id).FirstAsync(), await db.Items.Select(i => i.Id).FirstAsync());
        CampaignResultsSeed.Feedback(db, "plain-list", userId, itemId, FeedbackType.Impression, null, null, Day1);
        CampaignResultsSeed.Feedback(db, "plain-list", userId, itemId, FeedbackType.Click, null, null, Day1);
        await db.SaveChangesAsync();

        var a = (await ResultsAsync(host, campaignId)).Arms[0];

        Assert.Equal((4L, 1L), (a.Impressions, a.Clicks));
    }

    [Fact]
    public async Task Results_CountAnItemInAListOnce_AndAClickWithoutItsImpressionAsShown()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (campaignId, arms) = await CampaignResultsSeed.CampaignAsync(db, "Spring", blendId, Day1);
        await CampaignResultsSeed.ServeAsync(db, campaignId, arms[0], Day1, lists: 1, itemsPerList: 2, clicks: 1, conversions: 0);
        var userId = await db.EndUsers.Select(u => u.Id).FirstAsync();
        var items = await db.Items.OrderBy(i => i.ExternalId).Select(i => i.Id).ToListAsync();
        // The first item clicked again an hour later, and a third item clicked in a list whose impressions never arrived.
        var listId = await db.RecommendationFeedback.Select(f => f.RecommendationId).FirstAsync();
        CampaignResultsSeed.Feedback(db, listId, userId, items[0], FeedbackType.Click, campaignId, arms[0], Day1.AddHours(1));
        CampaignResultsSeed.Feedback(db, "no-impressions", userId, items[1], FeedbackType.Click, campaignId, arms[0], Day1);
        await db.SaveChangesAsync();

        var a = (await ResultsAsync(host, campaignId)).Arms[0];

        Assert.Equal((3L, 2L), (a.Impressions, a.Clicks));
    }

    [Fact]
    public async Task Results_GiveEachRateItsWilsonInterval()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (campaignId, arms) = await CampaignResultsSeed.CampaignAsync(db, "Spring", blendId, Day1);
        await CampaignResultsSeed.ServeAsync(db, campaignId, arms[0], Day1, lists: 10, itemsPerList: 10, clicks: 10, conversions: 1);

        var a = (await ResultsAsync(host, campaignId)).Arms[0];

        Assert.Equal((0.1, 0.055229137061, 0.174365661505), (a.Ctr.Value!.Value, Math.Round(a.Ctr.Lower!.Value, 12), Math.Round(a.Ctr.Upper!.Value, 12)));
    }

    [Fact]
    public async Task Results_GiveEveryArmAFigureForEveryUtcDayAnyArmHad()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (campaignId, arms) = await CampaignResultsSeed.CampaignAsync(db, "Spring", blendId, Day1);
        await CampaignResultsSeed.ServeAsync(db, campaignId, arms[0], Day1, lists: 1, itemsPerList: 4, clicks: 1, conversions: 0);
        await CampaignResultsSeed.ServeAsync(db, campaignId, arms[0], Day2, lists: 2, itemsPerList: 5, clicks: 5, conversions: 2);
        await CampaignResultsSeed.ServeAsync(db, campaignId, arms[1], Day2, lists: 1, itemsPerList: 5, clicks: 0, conversions: 0);

        var results = await ResultsAsync(host, campaignId);

        Assert.Equal([new DateOnly(2026, 6, 28), new DateOnly(2026, 6, 29)], results.Days);
        Assert.Equal([(1L, 4L, 1L, 0L), (2L, 10L, 5L, 2L)], results.Arms[0].Days.Select(d => (d.ListsServed, d.Impressions, d.Clicks, d.Conversions)));
        Assert.Equal([(double?)null, 0.0], results.Arms[1].Days.Select(d => d.Ctr));
    }

    [Fact]
    public async Task Results_WithoutFeedback_HaveNoDataAndNoVerdictYet()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (campaignId, _) = await CampaignResultsSeed.CampaignAsync(db, "Spring", blendId, Day1);

        var results = await ResultsAsync(host, campaignId);

        Assert.Equal((false, CampaignResultsVerdictKind.Collecting, (double?)null), (results.HasData, results.Verdict.Kind, results.Arms[0].Ctr.Value));
    }

    [Fact]
    public async Task Results_AtTheHorizon_GiveTheVerdictOnTheGoal()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (campaignId, arms) = await CampaignResultsSeed.CampaignAsync(db, "Spring", blendId, Day1);
        // A CTR of 95 % is capped at 90 % for the plan, where a 10 % lift needs only 100 impressions per arm.
        await CampaignResultsSeed.ServeAsync(db, campaignId, arms[0], Day1, lists: 10, itemsPerList: 10, clicks: 95, conversions: 0);
        await CampaignResultsSeed.ServeAsync(db, campaignId, arms[1], Day1, lists: 10, itemsPerList: 10, clicks: 60, conversions: 0);

        var verdict = (await ResultsAsync(host, campaignId)).Verdict;

        Assert.Equal((CampaignResultsVerdictKind.Difference, 100L), (verdict.Kind, verdict.RequiredImpressionsPerArm!.Value));
        Assert.StartsWith("Arm B's CTR is lower than arm A's (60.0 % against arm A's 95.0 %", verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_LeaveTheBlendNameOfAnArmWhoseBlendWasDeletedEmpty()
    {
        var (host, admin, _) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (campaignId, _) = await CampaignResultsSeed.CampaignAsync(db, "Spring", null, Day1);

        var results = await ResultsAsync(host, campaignId);

        Assert.Equal([null, null], results.Arms.Select(a => a.BlendName));
    }

    [Fact]
    public async Task Results_OfAnotherOrganisationsCampaign_AreNotFound()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        Guid campaignId;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            (campaignId, _) = await CampaignResultsSeed.CampaignAsync(db, "Spring", blendId, Day1);
        }

        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Beta", "admin@beta.test");

        await Assert.ThrowsAsync<NotFoundException>(() => ResultsAsync(host, campaignId));
    }

    [Theory]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.ComplianceOfficer)]
    public async Task Results_AreReadByEveryoneWhoSeesTheDashboard(string role)
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (campaignId, _) = await CampaignResultsSeed.CampaignAsync(db, "Spring", blendId, Day1);
        host.CurrentUser.Caller = TestHost.As(admin, role);

        Assert.Equal("Spring", (await ResultsAsync(host, campaignId)).Name);
    }

    [Fact]
    public async Task Results_AreRefusedToACallerWithoutTheDashboard()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        var (campaignId, _) = await CampaignResultsSeed.CampaignAsync(db, "Spring", blendId, Day1);
        host.CurrentUser.Caller = admin with { Roles = new HashSet<string>() };

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => ResultsAsync(host, campaignId));
    }

    [Fact]
    public async Task Started_ListsRunningCampaignsFirst_ThenPausedAndEnded_WithoutDraftsOrFutureStarts()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var hostScope = host;
        await using var db = host.CreateTenantContext(admin.TenantId);
        await CampaignResultsSeed.CampaignAsync(db, "Ended", blendId, Day1.AddDays(-20), state: CampaignState.Ended);
        await CampaignResultsSeed.CampaignAsync(db, "Draft", blendId, Day1, state: CampaignState.Draft);
        await CampaignResultsSeed.CampaignAsync(db, "Next month", blendId, Day1.AddDays(30), state: CampaignState.Scheduled);
        await CampaignResultsSeed.CampaignAsync(db, "Paused", blendId, Day1.AddDays(-10), state: CampaignState.Paused);
        await CampaignResultsSeed.CampaignAsync(db, "Started today", blendId, Day2, state: CampaignState.Scheduled);
        await CampaignResultsSeed.CampaignAsync(db, "Running", blendId, Day1.AddDays(-5));

        var started = await host.InScopeAsync<CampaignResultsService, IReadOnlyList<CampaignResults>>(s => s.StartedAsync());

        Assert.Equal([("Started today", CampaignState.Running), ("Running", CampaignState.Running), ("Paused", CampaignState.Paused), ("Ended", CampaignState.Ended)],
            started.Select(c => (c.Name, c.State)));
    }
}
