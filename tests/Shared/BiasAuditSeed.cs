using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Fairness;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.TestSupport;

/// <summary>
/// Blends, versions and bias audits written straight into a tenant's tables, the way the audit job leaves them,
/// with documents the engine computes (<see cref="FairnessAudit.Run"/>) on hand-made end-users: 40 in region A
/// (0–39) and 40 in region B (40–79); items 0 and 1 are Books, 2 and 3 Electronics. Every A user gets [0, 2] with
/// item 0 relevant. Balanced, B users get the same; with the planted bias, every other B user gets [0, 1] with
/// item 2 relevant instead, so B's NDCG@10 is half of A's and B sees Electronics in a quarter of its slots against
/// half for A — both ratios 0.5, clearly below the blocking 0.8 (groups large enough for the interval to agree).
/// </summary>
internal static class BiasAuditSeed
{
    public const int PerGroup = 40;

    public static readonly FairnessThresholds Thresholds = new()
    {
        Ratio = new FairnessThreshold(0.8, 1.25, Blocking: true),
        Exposure = new FairnessThreshold(0.8, null, Blocking: true),
        MinGroupSize = 30,
    };

    public static BiasAuditDocument Document(bool plantedBias)
    {
        const int k = 10;
        var categories = ItemCategories.Create(2, [[0], [0], [1], [1]], ["Books", "Electronics"]);
        var users = new List<UserListMetrics>();
        for (var u = 0; u < 2 * PerGroup; u++)
        {
            var biased = plantedBias && u >= PerGroup && u % 2 == 0;
            users.Add(biased ? Metrics(u, [0, 1], [2], k) : Metrics(u, [0, 2], [0], k));
        }

        var history = Enumerable.Range(0, 2 * PerGroup).Select(u => u < PerGroup ? new[] { 0, 2 } : [1, 3]).ToArray();
        var input = new FairnessAuditInput(2 * PerGroup, users, history, [10, 6, 3, 1], categories);
        var region = new SensitiveFeature("region", ["A", "B"], [.. Enumerable.Range(0, 2 * PerGroup).Select(u => u < PerGroup ? 0 : 1)]);
        var report = FairnessAudit.Run(input, [region], Thresholds, new FairnessAuditOptions(K: k, Resamples: 50, Seed: 7));
        return new BiasAuditDocument(
            report, [.. report.Findings.Select(FindingSentence.Describe)], k, users.Average(m => m.Ndcg), users.Average(m => m.Precision), users.Count,
            new Dictionary<string, string>());
    }

    public static async Task<Guid> BlendAsync(IAppDbContext db, string name)
    {
        var now = DateTime.UtcNow;
        var blend = new Blend { Id = Guid.NewGuid(), Name = name, SpecJson = BlendSpec.Default.ToJson(), CreatedAtUtc = now, UpdatedAtUtc = now, KeepVersions = 5 };
        db.Blends.Add(blend);
        await db.SaveChangesAsync();
        return blend.Id;
    }

    public static async Task<Guid> VersionAsync(IAppDbContext db, Guid blendId, int number, ReleaseReview review, DateTime createdAtUtc)
    {
        var version = new ModelVersion
        {
            Id = Guid.CreateVersion7(), BlendId = blendId, Number = number, SpecJson = BlendSpec.Default.ToJson(),
            // Well-formed metrics and manifest: the seeded version sits in a real organisation whose other pages read them.
            MetricsJson = new VersionMetrics(0.1, 0.2, 0.5, 0.15, 0.4, 8.5, 80, []).ToJson(),
            ManifestJson = new DataManifest(80, 20, 1_600, createdAtUtc.AddDays(-30), createdAtUtc, new string('a', 64), "Personalisation", createdAtUtc, "consent records").ToJson(),
            EngineVersion = "test", ArtifactId = Guid.NewGuid(), ArtifactSha256 = new string('b', 64), CreatedAtUtc = createdAtUtc,
            Status = ModelVersionStatus.Ready, Review = review, NdcgAt10 = 0.5,
        };
        db.ModelVersions.Add(version);
        await db.SaveChangesAsync();
        return version.Id;
    }

    /// <summary>Writes an audit of the version judged by <see cref="Thresholds"/>, with the outcome and counts its findings give.</summary>
    public static async Task<Guid> AuditAsync(IAppDbContext db, Guid versionId, BiasAuditDocument document, DateTime createdAtUtc, string requestedBy = "the app, after training")
    {
        var version = await db.ModelVersions.SingleAsync(v => v.Id == versionId);
        var findings = document.Report.Findings;
        var fails = findings.Count(f => f.Verdict == Verdict.Fail);
        var blocking = findings.Count(f => f.Verdict == Verdict.Fail && f.Threshold.Blocking);
        var warns = findings.Count(f => f.Verdict == Verdict.Warn);
        var audit = new BiasAudit
        {
            Id = Guid.CreateVersion7(), ModelVersionId = versionId, BlendId = version.BlendId, VersionNumber = version.Number, RequestedBy = requestedBy,
            CreatedAtUtc = createdAtUtc, FailCount = fails, BlockingFailCount = blocking, WarnCount = warns, EvaluatedEndUsers = document.EvaluatedEndUsers,
            Outcome = blocking > 0 ? BiasAuditOutcome.BlockingFailure : fails > 0 ? BiasAuditOutcome.Failed : warns > 0 ? BiasAuditOutcome.PassedWithWarnings : BiasAuditOutcome.Passed,
            Attributes = "region", Seconds = 0.1, ReportJson = document.ToJson(), ThresholdsJson = FairnessThresholdsJson.ToJson(Thresholds),
        };
        db.BiasAudits.Add(audit);
        await db.SaveChangesAsync();
        return audit.Id;
    }

    private static UserListMetrics Metrics(int user, int[] list, int[] relevant, int k)
    {
        return UserListMetrics.Measure(user, list, new HashSet<int>(relevant), k);
    }
}
