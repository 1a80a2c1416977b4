using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Fairness;
using Dashboard.TestSupport;

namespace Dashboard.Application.Tests.Fairness;

public sealed class BiasAuditQueriesTests
{
    private static readonly DateTime Day = new(2026, 6, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task List_is_newest_first_with_blend_version_outcome_and_the_versions_review_state()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        var seeded = await SeedAsync(host, admin.TenantId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        var list = await host.InScopeAsync<BiasAuditQueries, IReadOnlyList<BiasAuditSummary>>(q => q.ListAsync());

        Assert.Equal([seeded.SecondAudit, seeded.FirstAuditAgain, seeded.FirstAudit, seeded.OtherBlendAudit], list.Select(a => a.Id));
        var newest = list[0];
        Assert.Equal(("Main", 2, BiasAuditOutcome.BlockingFailure, ReleaseReview.AwaitingReview), (newest.BlendName, newest.VersionNumber, newest.Outcome, newest.Review));
        Assert.True(newest.BlockingFailCount > 0);
        Assert.Equal(BiasAuditOutcome.Passed, list[1].Outcome);
    }

    [Fact]
    public async Task List_filtered_by_blend_leaves_other_blends_out()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        var seeded = await SeedAsync(host, admin.TenantId);
        host.CurrentUser.Caller = admin;

        var list = await host.InScopeAsync<BiasAuditQueries, IReadOnlyList<BiasAuditSummary>>(q => q.ListAsync(seeded.OtherBlend));

        Assert.Equal([seeded.OtherBlendAudit], list.Select(a => a.Id));
    }

    [Fact]
    public async Task Awaiting_review_lists_each_waiting_version_once()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        var seeded = await SeedAsync(host, admin.TenantId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        var waiting = await host.InScopeAsync<BiasAuditQueries, IReadOnlyList<BiasAuditSummary>>(q => q.AwaitingReviewAsync());

        Assert.Equal([seeded.SecondAudit], waiting.Select(a => a.Id));
    }

    [Fact]
    public async Task Detail_holds_the_document_thresholds_and_what_a_compliance_officer_may_do()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        var seeded = await SeedAsync(host, admin.TenantId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        var detail = await host.InScopeAsync<BiasAuditQueries, BiasAuditDetail>(q => q.GetAsync(seeded.SecondAudit));

        Assert.True(detail.AwaitsReview);
        Assert.Equal((true, true, true), (detail.CanSignOff, detail.CanRequestAudit, detail.SeesExactSizes));
        Assert.Equal(0.8, detail.Thresholds.Exposure.Lower);
        Assert.Contains(detail.Document.Explained, e => e.Finding.Verdict == Verdict.Fail && e.Sentence.Contains("blocking", StringComparison.Ordinal));
        Assert.Equal(Dashboard.Recommender.Serving.BlendSpec.Default.Rerank.MmrLambda, detail.VersionSetting.MmrLambda);
    }

    [Fact]
    public async Task Detail_for_a_marketer_offers_no_sign_off_and_only_size_bands()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        var seeded = await SeedAsync(host, admin.TenantId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        var detail = await host.InScopeAsync<BiasAuditQueries, BiasAuditDetail>(q => q.GetAsync(seeded.SecondAudit));

        Assert.Equal((false, true, false), (detail.CanSignOff, detail.CanRequestAudit, detail.SeesExactSizes));
        Assert.All(detail.Document.Sentences.Where(s => s.StartsWith("End-users in", StringComparison.Ordinal)), s => Assert.Contains("(30–99 end-users", s, StringComparison.Ordinal));
        Assert.DoesNotContain(detail.Document.Sentences, s => s.Contains("40 end-users", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detail_for_a_compliance_officer_keeps_the_exact_sizes_in_its_sentences()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        var seeded = await SeedAsync(host, admin.TenantId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        var detail = await host.InScopeAsync<BiasAuditQueries, BiasAuditDetail>(q => q.GetAsync(seeded.SecondAudit));

        Assert.Contains(detail.Document.Sentences, s => s.EndsWith("(40 end-users against 40).", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detail_of_an_earlier_audit_of_a_version_says_it_is_not_the_latest()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        var seeded = await SeedAsync(host, admin.TenantId);
        host.CurrentUser.Caller = admin;

        var earlier = await host.InScopeAsync<BiasAuditQueries, BiasAuditDetail>(q => q.GetAsync(seeded.FirstAudit));
        var later = await host.InScopeAsync<BiasAuditQueries, BiasAuditDetail>(q => q.GetAsync(seeded.FirstAuditAgain));

        Assert.Equal((false, true), (earlier.IsLatestOfVersion, later.IsLatestOfVersion));
    }

    [Fact]
    public async Task Another_organisations_audit_does_not_exist()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        var seeded = await SeedAsync(host, admin.TenantId);
        var other = await host.RegisterOrganisationAsync("Rival", "rival@example.test");
        host.CurrentUser.Caller = TestHost.As(other, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<NotFoundException>(() => host.InScopeAsync<BiasAuditQueries, BiasAuditDetail>(q => q.GetAsync(seeded.SecondAudit)));
        Assert.Empty(await host.InScopeAsync<BiasAuditQueries, IReadOnlyList<BiasAuditSummary>>(q => q.ListAsync()));
    }

    [Fact]
    public async Task History_takes_each_versions_latest_audit_for_every_figure()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        var seeded = await SeedAsync(host, admin.TenantId);
        host.CurrentUser.Caller = admin;

        var history = await host.InScopeAsync<BiasAuditQueries, IReadOnlyList<FigureHistory>>(q => q.HistoryAsync(seeded.MainBlend));

        var ndcgOfB = history.Single(h => h.Key == "QualityRatio|NDCG@10|region|B|");
        Assert.Equal("region B: NDCG@10 ratio", ndcgOfB.Label);
        Assert.Equal([(1, seeded.FirstAuditAgain), (2, seeded.SecondAudit)], ndcgOfB.Points.Select(p => (p.VersionNumber, p.AuditId)));
        Assert.Equal([1.0, 0.5], ndcgOfB.Points.Select(p => Math.Round(p.Figure, 6)));
        Assert.Equal([Verdict.Pass, Verdict.Fail], ndcgOfB.Points.Select(p => p.Verdict));
    }

    [Fact]
    public async Task Release_states_say_why_a_waiting_version_cannot_go_live()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        var seeded = await SeedAsync(host, admin.TenantId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        var states = await host.InScopeAsync<BiasAuditQueries, IReadOnlyList<VersionReleaseState>>(q => q.ReleaseStatesAsync(seeded.MainBlend));

        Assert.Equal([seeded.SecondVersion, seeded.FirstVersion], states.Select(s => s.VersionId));
        Assert.Equal((seeded.SecondAudit, BiasAuditOutcome.BlockingFailure), (states[0].LatestAuditId, states[0].LatestOutcome));
        Assert.StartsWith("Version 2 cannot go live: its bias audit found a blocking failure", states[0].BlockedBecause, StringComparison.Ordinal);
        Assert.Null(states[1].BlockedBecause);
    }

    [Fact]
    public async Task Reading_audits_needs_a_dashboard_role()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Shop");
        host.CurrentUser.Caller = admin with { Roles = new HashSet<string>() };

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<BiasAuditQueries, IReadOnlyList<BiasAuditSummary>>(q => q.ListAsync()));
    }

    private static async Task<Seeded> SeedAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var main = await BiasAuditSeed.BlendAsync(db, "Main");
        var other = await BiasAuditSeed.BlendAsync(db, "Other");
        var v1 = await BiasAuditSeed.VersionAsync(db, main, 1, ReleaseReview.Cleared, Day);
        var v2 = await BiasAuditSeed.VersionAsync(db, main, 2, ReleaseReview.AwaitingReview, Day.AddDays(2));
        var otherV1 = await BiasAuditSeed.VersionAsync(db, other, 1, ReleaseReview.Cleared, Day);
        var balanced = BiasAuditSeed.Document(plantedBias: false);
        var otherAudit = await BiasAuditSeed.AuditAsync(db, otherV1, balanced, Day.AddHours(1));
        var first = await BiasAuditSeed.AuditAsync(db, v1, BiasAuditSeed.Document(plantedBias: true), Day.AddHours(2));
        var firstAgain = await BiasAuditSeed.AuditAsync(db, v1, balanced, Day.AddDays(1), "compliance@example.test");
        var second = await BiasAuditSeed.AuditAsync(db, v2, BiasAuditSeed.Document(plantedBias: true), Day.AddDays(2));
        return new Seeded(main, other, v1, v2, first, firstAgain, second, otherAudit);
    }

    private sealed record Seeded(Guid MainBlend, Guid OtherBlend, Guid FirstVersion, Guid SecondVersion, Guid FirstAudit, Guid FirstAuditAgain, Guid SecondAudit, Guid OtherBlendAudit);
}
