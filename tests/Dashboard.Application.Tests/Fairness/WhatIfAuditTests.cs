using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Application.ModelStore;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Fairness;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Fairness.BiasAuditTestKit;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Fairness;

public sealed class WhatIfAuditTests
{
    private static readonly WhatIfSetting Own = new(1, 0, null);

    [Fact]
    public async Task VersionsOwnSetting_GivesTheAccuracyAndFailuresItsAuditFound()
    {
        var (host, admin, blendId) = await ShopAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var audit = Assert.Single(await AuditsAsync(host, admin.TenantId));
        host.CurrentUser.Caller = As(admin, Roles.Marketer);

        var point = Assert.Single(await host.InScopeAsync<IWhatIfAudit, IReadOnlyList<WhatIfPoint>>(s => s.RunAsync(audit.ModelVersionId, [Own], CancellationToken.None)));

        Assert.Equal((BiasAuditDocument.FromJson(audit.ReportJson).NdcgAt10, audit.FailCount, audit.BlockingFailCount, true),
            (point.NdcgAt10, point.Fails, point.BlockingFails, point.WorstGroupRatio is > 0 and < 0.8));
    }

    [Fact]
    public async Task SeveralSettings_AnswerInTheOrderGiven_AndADiversifiedListScoresDifferently()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = Assert.Single(await VersionsAsync(host, admin.TenantId));
        WhatIfSetting[] settings = [Own, new(0.3, 0.5, 2)];

        var points = await host.InScopeAsync<IWhatIfAudit, IReadOnlyList<WhatIfPoint>>(s => s.RunAsync(version.Id, settings, CancellationToken.None));

        Assert.Equal((settings[0], settings[1], true), (points[0].Setting, points[1].Setting, points[0].NdcgAt10 != points[1].NdcgAt10));
    }

    [Fact]
    public async Task SecondClick_IsAnsweredFromMemory_WithoutReadingTheSnapshotAgain()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = Assert.Single(await VersionsAsync(host, admin.TenantId));
        var first = await host.InScopeAsync<IWhatIfAudit, IReadOnlyList<WhatIfPoint>>(s => s.RunAsync(version.Id, [Own], CancellationToken.None));
        // Were the store read again, the second click would fail: the snapshot is gone from it.
        await host.Services.GetRequiredService<IModelArtifactStore>().DeleteAsync(admin.TenantId, version.AuditSnapshotArtifactId!.Value, CancellationToken.None);

        var second = await host.InScopeAsync<IWhatIfAudit, IReadOnlyList<WhatIfPoint>>(s => s.RunAsync(version.Id, [Own], CancellationToken.None));

        Assert.Equal(first[0], second[0]);
    }

    [Fact]
    public async Task SnapshotCache_HoldsOnlyTheLastFewSnapshots()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        for (var i = 0; i < AuditSnapshotCache.Capacity + 1; i++)
        {
            await TrainAsync(host, admin.TenantId, blendId);
        }

        foreach (var version in await VersionsAsync(host, admin.TenantId))
        {
            await host.InScopeAsync<IWhatIfAudit, IReadOnlyList<WhatIfPoint>>(s => s.RunAsync(version.Id, [Own], CancellationToken.None));
        }

        Assert.Equal(AuditSnapshotCache.Capacity, host.Services.GetRequiredService<AuditSnapshotCache>().Count);
    }

    [Theory]
    [InlineData(1.2, 0, null, "diversity λ must be between 0 and 1 (1 means no diversity re-ranking).")]
    [InlineData(1, 2.5, null, "the long-tail boost must be between 0 (off) and 2.")]
    [InlineData(1, 0, 0, "the per-category cap must be from 1 to 10, or empty for no cap.")]
    [InlineData(1, 0, 11, "the per-category cap must be from 1 to 10, or empty for no cap.")]
    public void Setting_OutOfRange_IsRefusedSayingWhich(double lambda, double boost, int? cap, string message)
    {
        Assert.Equal("Setting 2: " + message, WhatIfAudit.Validate([Own, new(lambda, boost, cap)]));
    }

    [Fact]
    public async Task MoreThanEightSettings_AreRefusedBeforeAnythingIsRead()
    {
        var (host, admin, _) = await StartAsync(withData: false);
        await using var _h = host;

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            host.InScopeAsync<IWhatIfAudit, IReadOnlyList<WhatIfPoint>>(s => s.RunAsync(Guid.NewGuid(), [.. Enumerable.Repeat(Own, 9)], CancellationToken.None)));

        Assert.Equal("Try at most 8 settings at a time (9 were given): each re-runs the whole audit.", error.Message);
    }

    [Fact]
    public async Task AnotherOrganisationsVersion_IsNotFound()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = Assert.Single(await VersionsAsync(host, admin.TenantId));
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Beta", "admin@beta.test");

        await Assert.ThrowsAsync<NotFoundException>(() =>
            host.InScopeAsync<IWhatIfAudit, IReadOnlyList<WhatIfPoint>>(s => s.RunAsync(version.Id, [Own], CancellationToken.None)));
    }

    [Fact]
    public void WorstRatio_IsTheFurthestFromParity_ARatioAboveOneCountingAsItsReciprocal_AndUnjudgedGroupsLeftOut()
    {
        var ratio = new FairnessThreshold(0.8, 1.25, Blocking: true);
        Finding F(FigureKind kind, string group, string? category, double figure, Verdict verdict) =>
            new(kind, kind == FigureKind.QualityRatio ? "NDCG@10" : "share of slots", "region", group, category, 50, "best", 50, figure, 1, figure, null, ratio, verdict);
        var report = new FairnessReport([], new ItemSideFigures(10, 8, 0.1, 5, 0.5, 0.4, 0.9),
            [F(FigureKind.ExposureRatio, "North", "Electronics", 0.7, Verdict.Fail), F(FigureKind.QualityRatio, "South", null, 1.6, Verdict.Fail),
                F(FigureKind.QualityRatio, "East", null, 0.1, Verdict.TooFewToJudge), F(FigureKind.OutcomeRateRatio, "West", "Books", 0.2, Verdict.Fail)],
            ["Electronics", "Books"]);

        var point = WhatIfAudit.Point(Own, new AuditRun(report, 0.25, 0.1, 100));

        Assert.Equal((0.625, "region South, NDCG@10", 3, 3), (point.WorstGroupRatio, point.WorstGroup, point.Fails, point.BlockingFails));
    }
}
