using System.Text.Json;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Recommendations;
using Dashboard.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dashboard.Application.Tests.Campaigns.Demo;

public sealed class DemoCampaignTests(DemoCampaignHost demo, ITestOutputHelper output) : IClassFixture<DemoCampaignHost>
{
    [Fact]
    public async Task FirstStart_EndsWithSpringPicksRunning_AnABTestOfDefaultAndPopularPicksOnActiveShoppers()
    {
        await using var db = demo.Host.CreateTenantContext(demo.TenantId);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Arms).SingleAsync();
        var segment = await db.Segments.AsNoTracking().SingleAsync();
        var blends = await db.Blends.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b);
        var arms = campaign.Arms.OrderBy(a => a.Position).Select(a => (a.Name, blends[a.BlendId!.Value].Name, a.SharePercent, blends[a.BlendId!.Value].ActiveVersionId is not null));

        Assert.Equal(
            (DemoCampaign.CampaignName, CampaignState.Running, CampaignChannel.Web, segment.Id, DemoCampaign.SegmentName, "A:Default:50:True|B:Popular picks:50:True"),
            (campaign.Name, campaign.EffectiveState(demo.Host.Time.GetUtcNow().UtcDateTime), campaign.Channel, campaign.SegmentId!.Value, segment.Name,
                string.Join("|", arms.Select(a => $"{a.Item1}:{a.Item2}:{a.SharePercent}:{a.Item4}"))));
    }

    [Fact]
    public async Task FirstStart_AuditsEachStepInPlainSentencesByTheDemoSetUp()
    {
        await using var db = demo.Host.CreateTenantContext(demo.TenantId);
        var entries = await db.AuditLog.AsNoTracking()
            .Where(e => e.Action == AuditActions.BlendCreated || e.Action == AuditActions.SegmentCreated || e.Action == AuditActions.CampaignCreated || e.Action == AuditActions.CampaignStarted)
            .OrderBy(e => e.Id).Select(e => new { e.UserName, e.Action, e.Subject, e.After }).ToListAsync();

        Assert.Equal(
        [
            $"{DemoSeeder.Actor} {AuditActions.BlendCreated} {DemoCampaign.BlendName}",
            $"{DemoSeeder.Actor} {AuditActions.SegmentCreated} {DemoCampaign.SegmentName}",
            $"{DemoSeeder.Actor} {AuditActions.CampaignCreated} {DemoCampaign.CampaignName}",
            $"{DemoSeeder.Actor} {AuditActions.CampaignStarted} {DemoCampaign.CampaignName}: arm A (blend “Default”, 50 %) and arm B (blend “Popular picks”, 50 %)",
        ], entries.Select(e => $"{e.UserName} {e.Action} {e.Subject}" + (e.Action == AuditActions.CampaignStarted ? ": " + e.After : "")));
    }

    [Fact]
    public async Task SimulatedFeedback_CoversTheLastFourteenDays_EveryRowTiedToTheCampaignAndItsArm()
    {
        await using var db = demo.Host.CreateTenantContext(demo.TenantId);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Arms).SingleAsync();
        var arms = campaign.Arms.Select(a => (Guid?)a.Id).ToHashSet();
        var served = await db.ServedRecommendations.AsNoTracking().ToListAsync();
        var feedback = await db.RecommendationFeedback.AsNoTracking().ToListAsync();
        var today = demo.Host.Time.GetUtcNow().UtcDateTime.Date;
        var days = served.Select(s => s.ServedAtUtc.Date).Distinct().Count();

        Assert.Equal((true, true, true, DemoCampaignFeedback.Days, true),
            (served.Count > 0 && served.All(s => s.CampaignId == campaign.Id && arms.Contains(s.CampaignArmId)),
                feedback.Count > 0 && feedback.All(f => f.CampaignId == campaign.Id && arms.Contains(f.CampaignArmId)),
                served.All(s => s.ServedAtUtc >= today.AddDays(-DemoCampaignFeedback.Days) && s.ServedAtUtc < today && s.ServedAtUtc >= campaign.StartsAtUtc),
                days,
                feedback.Where(f => f.Type == FeedbackType.Impression).Count() == served.Sum(s => JsonSerializer.Deserialize<string[]>(s.ItemIdsJson)!.Length)));
    }

    [Fact]
    public async Task SimulatedFeedback_ThePersonalisedArmReallyWins_DefaultsClickThroughRateIsHigherThanPopularPicks()
    {
        await using var db = demo.Host.CreateTenantContext(demo.TenantId);
        var arms = await db.CampaignArms.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        var counts = await db.RecommendationFeedback.AsNoTracking()
            .GroupBy(f => new { f.CampaignArmId, f.Type }).Select(g => new { g.Key.CampaignArmId, g.Key.Type, Count = g.Count() }).ToListAsync();
        double Rate(string arm, FeedbackType type) =>
            (double)counts.Single(c => arms[c.CampaignArmId!.Value] == arm && c.Type == type).Count
            / counts.Single(c => arms[c.CampaignArmId!.Value] == arm && c.Type == FeedbackType.Impression).Count;
        output.WriteLine($"CTR A {Rate("A", FeedbackType.Click):P2}, B {Rate("B", FeedbackType.Click):P2}; conversions per impression A {Rate("A", FeedbackType.Conversion):P2}, B {Rate("B", FeedbackType.Conversion):P2}");

        Assert.True(Rate("A", FeedbackType.Click) > Rate("B", FeedbackType.Click) * 1.1,
            $"Default's CTR {Rate("A", FeedbackType.Click):P2} should clearly beat Popular picks' {Rate("B", FeedbackType.Click):P2}");
    }

    [Fact]
    public async Task SimulatedFeedback_IsDeterministicForTheSeed_TheStoredRowsAreExactlyWhatTheSimulationGivesAgain()
    {
        await using var db = demo.Host.CreateTenantContext(demo.TenantId);
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Arms).SingleAsync();
        var models = demo.Host.Services.GetRequiredService<IActiveModelCache>();
        var arms = new List<DemoCampaignArmModel>();
        foreach (var arm in campaign.Arms.OrderBy(a => a.Position))
        {
            var active = (await models.GetAsync(demo.TenantId, arm.BlendId!.Value.ToString()))!;
            arms.Add(new DemoCampaignArmModel(arm, active.BlendId, active.VersionId, active.Model));
        }

        var tastes = new SampleDataGenerator().Tastes(demo.Data);
        var definition = SegmentDefinition.Parse((await db.Segments.AsNoTracking().SingleAsync()).DefinitionJson);
        var now = demo.Host.Time.GetUtcNow().UtcDateTime;
        SegmentMembers members;
        await using (var scope = demo.Host.Services.CreateAsyncScope())
        {
            members = await scope.ServiceProvider.GetRequiredService<SegmentEvaluator>().MembersAsync(db, definition, now, CancellationToken.None);
        }

        var list = members.EndUserIds.Select((id, m) => new DemoCampaignMember(id, members.StoredIds[m], tastes.TryUser(members.StoredIds[m], out var u) ? u : null)).ToList();
        var items = await db.Items.AsNoTracking().ToDictionaryAsync(i => i.ExternalId, i => i.Id);

        var again = DemoCampaignFeedback.Simulate(campaign, arms, list, items, tastes, demo.Data.Seed, now.Date);

        var stored = await db.RecommendationFeedback.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        Assert.Equal(again.Feedback.Select(Fingerprint), stored.Select(Fingerprint));
    }

    [Fact]
    public async Task SimulatedFeedback_InASegmentLargerThanTheDailyCap_ServesAboutTheCapEachDaySoTheStartStaysQuick()
    {
        await using var db = demo.Host.CreateTenantContext(demo.TenantId);
        var lists = await db.ServedRecommendations.CountAsync();
        const int expected = DemoCampaignFeedback.MaxListsPerDay * DemoCampaignFeedback.Days;

        Assert.InRange(lists, expected * 8 / 10, expected * 12 / 10);
    }

    [Fact]
    public async Task AdvancingAgain_AsOnARestart_WritesNothingMore()
    {
        int before, after;
        await using (var db = demo.Host.CreateTenantContext(demo.TenantId))
        {
            before = await db.RecommendationFeedback.CountAsync() + await db.ServedRecommendations.CountAsync() + await db.Campaigns.CountAsync() + await db.AuditLog.CountAsync();
        }

        var step = await demo.AdvanceCampaignAsync();

        await using (var db = demo.Host.CreateTenantContext(demo.TenantId))
        {
            after = await db.RecommendationFeedback.CountAsync() + await db.ServedRecommendations.CountAsync() + await db.Campaigns.CountAsync() + await db.AuditLog.CountAsync();
        }

        Assert.Equal((DemoCampaignStep.Done, before), (step, after));
    }

    [Fact]
    public async Task AnotherOrganisation_GetsNoBlendSegmentCampaignOrFeedbackFromTheDemo()
    {
        await using var db = demo.Host.CreateTenantContext(demo.OtherTenantId);

        Assert.Equal((0, 0, 0, 0, 1),
            (await db.Segments.CountAsync(), await db.Campaigns.CountAsync(), await db.ServedRecommendations.CountAsync(),
                await db.RecommendationFeedback.CountAsync(), await db.Blends.CountAsync()));
    }

    private static string Fingerprint(RecommendationFeedback f) =>
        $"{f.RecommendationId} {f.EndUserId} {f.ItemId} {f.Type} {f.CampaignArmId} {f.OccurredAtUtc:yyyy-MM-dd HH:mm:ss}";
}
