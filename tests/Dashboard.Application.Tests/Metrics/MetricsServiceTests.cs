using Dashboard.Application.Common;
using Dashboard.Application.Metrics;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Evaluation.Significance;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Metrics;

public sealed class MetricsServiceTests
{
    /// <summary>A version stored before diversity, the NDCG spread, ratings and components were recorded.</summary>
    private const string OldMetricsJson =
        """{"PrecisionAt10":0.1,"RecallAt10":0.2,"NdcgAt10":0.15,"MapAt10":0.08,"Coverage":0.4,"Novelty":5.5,"EvaluatedEndUsers":120,"Groups":[]}""";

    [Fact]
    public async Task History_ListsEveryVersionOldestFirstWithItsStateAndReview()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        var first = await AddVersionAsync(host, admin.TenantId, blendId, 1, Metrics(0.20, 0.10, 400));
        await AddVersionAsync(host, admin.TenantId, blendId, 2, Metrics(0.25, 0.12, 500), ReleaseReview.AwaitingReview);
        await ActivateAsync(host, admin.TenantId, blendId, first);

        var history = await host.InScopeAsync<MetricsService, MetricsHistory>(s => s.HistoryAsync(blendId));

        Assert.Equal([(1, true, ReleaseReview.NotAudited), (2, false, ReleaseReview.AwaitingReview)],
            history.Versions.Select(v => (v.Number, v.IsActive, v.Review)));
    }

    [Fact]
    public async Task History_ReadsAVersionStoredBeforeTheNewMeasuresAsNotMeasured()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        await AddVersionAsync(host, admin.TenantId, blendId, 1, OldMetricsJson);

        var version = Assert.Single((await host.InScopeAsync<MetricsService, MetricsHistory>(s => s.HistoryAsync(blendId))).Versions);

        var diversity = Measures.All.Single(m => m.Name == "Diversity");
        Assert.Equal((0.15, (double?)null, Measures.TrainedBefore, (IReadOnlyList<ComponentMetrics>?)null),
            (version.Metrics.NdcgAt10, diversity.ValueOf(version.Metrics), diversity.NotApplicable(version.Metrics), version.Metrics.Components));
    }

    [Fact]
    public async Task History_LeavesOutPerGroupFiguresAndTheirSizes()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        var withGroups = VersionMetrics.FromJson(Metrics(0.2, 0.1, 300)) with { Groups = [new SensitiveGroupMetrics("region", "North", 37, 0.1, 0.1, 0.1, 0.1)] };
        await AddVersionAsync(host, admin.TenantId, blendId, 1, withGroups.ToJson());

        var version = Assert.Single((await host.InScopeAsync<MetricsService, MetricsHistory>(s => s.HistoryAsync(blendId))).Versions);

        Assert.Empty(version.Metrics.Groups);
    }

    [Fact]
    public async Task Compare_GivesTheChangeOfEveryMeasureAndWhichWayIsBetter()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        var first = await AddVersionAsync(host, admin.TenantId, blendId, 1, Metrics(0.20, 0.10, 400, rmse: 0.95));
        var second = await AddVersionAsync(host, admin.TenantId, blendId, 2, Metrics(0.25, 0.12, 500, rmse: 0.90));

        var comparison = await host.InScopeAsync<MetricsService, MetricsComparison>(s => s.CompareAsync(first, second));

        var ndcg = comparison.Changes.Single(c => c.Measure.Name == "NDCG@10");
        var rmse = comparison.Changes.Single(c => c.Measure.Name == "RMSE");
        Assert.Equal((0.05, true, -0.05, true), (Math.Round(ndcg.Delta!.Value, 12), ndcg.Improved, Math.Round(rmse.Delta!.Value, 12), rmse.Improved));
    }

    [Fact]
    public async Task Compare_TestsNdcgWithWelchOverTheEvaluatedEndUsers()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        var first = await AddVersionAsync(host, admin.TenantId, blendId, 1, Metrics(0.200, 0.30, 400));
        var second = await AddVersionAsync(host, admin.TenantId, blendId, 2, Metrics(0.212, 0.28, 500));

        var comparison = await host.InScopeAsync<MetricsService, MetricsComparison>(s => s.CompareAsync(first, second));

        var expected = WelchTest.Compare(new SampleSummary(0.200, 0.30, 400), new SampleSummary(0.212, 0.28, 500))!;
        Assert.NotNull(comparison.Significance);
        Assert.Equal(expected.PValue, comparison.Significance.PValue, 12);
        Assert.StartsWith("NDCG@10 rose by 0.012; a difference this large would arise by chance about 54 times in 100", comparison.Significance.Sentence, StringComparison.Ordinal);
        Assert.Equal(MetricsService.UnpairedNote, comparison.SignificanceNote);
    }

    [Fact]
    public async Task Compare_OfTwoVersionsOnTheSameData_SaysTheTestIsStillWelchs()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        var first = await AddVersionAsync(host, admin.TenantId, blendId, 1, Metrics(0.200, 0.30, 400), dataHash: "same");
        var second = await AddVersionAsync(host, admin.TenantId, blendId, 2, Metrics(0.212, 0.28, 400), dataHash: "same");

        var comparison = await host.InScopeAsync<MetricsService, MetricsComparison>(s => s.CompareAsync(first, second));

        Assert.Equal((true, MetricsService.SameDataNote), (comparison.SameData, comparison.SignificanceNote));
    }

    [Fact]
    public async Task Compare_WithAVersionStoredBeforeTheSpreadWasRecorded_SaysWhyThereIsNoTest()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        var first = await AddVersionAsync(host, admin.TenantId, blendId, 1, OldMetricsJson);
        var second = await AddVersionAsync(host, admin.TenantId, blendId, 2, Metrics(0.25, 0.12, 500));

        var comparison = await host.InScopeAsync<MetricsService, MetricsComparison>(s => s.CompareAsync(first, second));

        Assert.Equal((null, "No significance test: version 1 was trained before the spread of NDCG@10 over end-users was recorded."),
            (comparison.Significance, comparison.SignificanceNote));
    }

    [Fact]
    public async Task Compare_VersionsOfAnotherOrganisation_AreNotFound()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        var mine = await AddVersionAsync(host, admin.TenantId, blendId, 1, Metrics(0.2, 0.1, 300));
        var other = await host.RegisterOrganisationAsync("Beta", "beta@example.test");
        Guid otherBlend;
        await using (var db = host.CreateTenantContext(other.TenantId))
        {
            otherBlend = await db.Blends.Select(b => b.Id).FirstAsync();
        }

        var theirs = await AddVersionAsync(host, other.TenantId, otherBlend, 1, Metrics(0.3, 0.1, 300));

        await Assert.ThrowsAsync<NotFoundException>(() => host.InScopeAsync<MetricsService, MetricsComparison>(s => s.CompareAsync(mine, theirs)));
        await Assert.ThrowsAsync<NotFoundException>(() => host.InScopeAsync<MetricsService, MetricsHistory>(s => s.HistoryAsync(otherBlend)));
    }

    [Fact]
    public async Task Blends_ListsOnlyTheCallersOrganisationWithVersionCounts()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        await AddVersionAsync(host, admin.TenantId, blendId, 1, Metrics(0.2, 0.1, 300));
        var other = await host.RegisterOrganisationAsync("Beta", "beta@example.test");
        await using (var db = host.CreateTenantContext(other.TenantId))
        {
            await AddVersionAsync(host, other.TenantId, await db.Blends.Select(b => b.Id).FirstAsync(), 1, Metrics(0.3, 0.1, 300));
        }

        var blends = await host.InScopeAsync<MetricsService, IReadOnlyList<MetricsBlend>>(s => s.BlendsAsync());

        Assert.Equal([(blendId, 1)], blends.Select(b => (b.Id, b.Versions)));
    }

    [Fact]
    public async Task Blends_WithoutASignedInMember_AreForbidden()
    {
        var (host, admin, _) = await StartAsync(withData: false);
        await using var _h = host;
        host.CurrentUser.Caller = admin with { Roles = new HashSet<string>() };

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<MetricsService, IReadOnlyList<MetricsBlend>>(s => s.BlendsAsync()));
    }

    [Fact]
    public async Task Training_RecordsDiversityTheNdcgSpreadAndEachComponentsOwnFigures()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;

        var run = await TrainAsync(host, admin.TenantId, blendId);

        var metrics = VersionMetrics.FromJson(Assert.Single(await VersionsAsync(host, admin.TenantId)).MetricsJson);
        var spec = Dashboard.Recommender.Serving.BlendSpec.FromJson((await BlendAsync(host, admin.TenantId, blendId)).SpecJson);
        Assert.True(metrics.NdcgStandardDeviation > 0, run.Message);
        Assert.NotNull(metrics.IntraListDiversity);
        Assert.Equal(spec.Components.Where(c => c.Weight > 0).Select(c => c.Kind.ToString()), metrics.Components!.Select(c => c.Kind));
    }

    private static string Metrics(double ndcg, double sd, int users, double? rmse = null) =>
        new VersionMetrics(0.1, 0.2, ndcg, 0.05, 0.5, 6, users, [], 0.4, sd, rmse is null ? 0 : 100, rmse, rmse - 0.2, rmse is null ? null : "Biased MF", []).ToJson();

    private static async Task<Guid> AddVersionAsync(TestHost host, Guid tenantId, Guid blendId, int number, string metricsJson, ReleaseReview review = ReleaseReview.NotAudited, string? dataHash = null)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var version = new ModelVersion
        {
            Id = Guid.CreateVersion7(),
            BlendId = blendId,
            Number = number,
            SpecJson = Dashboard.Recommender.Serving.BlendSpec.Default.ToJson(),
            MetricsJson = metricsJson,
            ManifestJson = new DataManifest(100, 20, 1000, null, null, dataHash ?? $"hash-{number}", "Personalisation", DateTime.UnixEpoch, "consented").ToJson(),
            NdcgAt10 = VersionMetrics.FromJson(metricsJson).NdcgAt10,
            EngineVersion = "test",
            ArtifactId = Guid.NewGuid(),
            ArtifactSha256 = "00",
            CreatedAtUtc = new DateTime(2026, 1, number, 0, 0, 0, DateTimeKind.Utc),
            Status = ModelVersionStatus.Ready,
            Review = review,
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync();
        return version.Id;
    }

    private static async Task ActivateAsync(TestHost host, Guid tenantId, Guid blendId, Guid versionId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var blend = await db.Blends.SingleAsync(b => b.Id == blendId);
        blend.ActiveVersionId = versionId;
        await db.SaveChangesAsync();
    }
}
