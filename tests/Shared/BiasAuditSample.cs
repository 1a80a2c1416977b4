using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Tests.Shared;

/// <summary>
/// A bias audit with a planted disparity, run by <see cref="FairnessAudit.Run"/> on hand-made lists, and the rows
/// the audit job would leave for it (blend, version, audit). Items 0 and 1 are Books, 2 and 3 Electronics
/// (popularity 10, 6, 3, 1). Four end-users in region North each get [0, 1] and wanted item 1; four in South each get
/// [2, 0] and wanted item 2. Identical members make every bootstrap interval a point, so the verdicts are settled:
/// North's NDCG@10 is 1/log2(3) = 0.631 of South's (blocking failure), North sees no Electronics (ratio 0, blocking)
/// and South half the Books North sees (ratio 0.5, blocking); South's history is all Electronics against a half-Books
/// list, a mean calibration KL of ln(1/0.505) = 0.683 above the 0.5 maximum (a failure that does not block).
/// </summary>
internal static class BiasAuditSample
{
    public const int K = 10;

    public static readonly DateTime AuditedAtUtc = new(2026, 6, 20, 8, 30, 0, DateTimeKind.Utc);

    /// <summary>The tenant's default thresholds (ratio and exposure blocking), with groups of four large enough to judge.</summary>
    public static FairnessThresholds Thresholds => new FairnessSettings { MinGroupSize = 4, MaxCalibrationKl = 0.5 }.ToThresholds();

    /// <summary>
    /// With <paramref name="withOutcomes"/>, the training data also holds funnel events: each end-user added item 2
    /// (Electronics) to the cart once and only South's bought it, so North's purchase rate in Electronics is 0 of
    /// South's (a blocking failure of the outcome-rate ratio).
    /// </summary>
    public static BiasAuditDocument Document(bool withOutcomes = false)
    {
        var categories = ItemCategories.Create(2, [[0], [0], [1], [1]], ["Books", "Electronics"]);
        var users = new List<UserListMetrics>();
        for (var u = 0; u < 8; u++)
        {
            users.Add(u < 4 ? Metrics(u, [0, 1], [1]) : Metrics(u, [2, 0], [2]));
        }

        int[][] history = [.. Enumerable.Range(0, 8).Select(u => u < 4 ? new[] { 0 } : [2])];
        var outcomes = withOutcomes
            ? new OutcomeEvents([0, 1, 2, 3, 4, 5, 6, 7, 4, 5, 6, 7], [.. Enumerable.Repeat(2, 12)], [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1], 0, 1, "add_to_cart", "purchase")
            : null;
        var input = new FairnessAuditInput(8, users, history, [10, 6, 3, 1], categories, outcomes);
        var region = new SensitiveFeature("region", ["North", "South"], [0, 0, 0, 0, 1, 1, 1, 1]);
        var report = FairnessAudit.Run(input, [region], Thresholds, new FairnessAuditOptions(K: K, Resamples: 20, Seed: 7));
        return new BiasAuditDocument(
            report, [.. report.Findings.Select(FindingSentence.Describe)], K, users.Average(u => u.Ndcg), users.Average(u => u.Precision), users.Count,
            new Dictionary<string, string>());
    }

    /// <summary>Adds a blend with one version and its audit, as the audit job writes them, the version's review as given.</summary>
    public static async Task<(Guid BlendId, Guid VersionId, Guid AuditId)> SeedAsync(
        IAppDbContext db, string blendName = "Everyday picks", ReleaseReview review = ReleaseReview.AwaitingReview, string? reviewedBy = null, string? justification = null,
        bool withOutcomes = false)
    {
        ArgumentNullException.ThrowIfNull(db);
        var document = Document(withOutcomes);
        var findings = document.Report.Findings;
        var blend = new Blend { Id = Guid.NewGuid(), Name = blendName, SpecJson = "{}", CreatedAtUtc = AuditedAtUtc.AddDays(-5), UpdatedAtUtc = AuditedAtUtc.AddDays(-5), KeepVersions = 5 };
        var audit = new BiasAudit
        {
            Id = Guid.NewGuid(),
            BlendId = blend.Id,
            VersionNumber = 3,
            RequestedBy = "marketer@example.test",
            CreatedAtUtc = AuditedAtUtc,
            Outcome = BiasAuditOutcome.BlockingFailure,
            FailCount = findings.Count(f => f.Verdict == Verdict.Fail),
            BlockingFailCount = findings.Count(f => f.Verdict == Verdict.Fail && f.Threshold.Blocking),
            WarnCount = findings.Count(f => f.Verdict == Verdict.Warn),
            EvaluatedEndUsers = document.EvaluatedEndUsers,
            Attributes = "region",
            Seconds = 0.2,
            ReportJson = document.ToJson(),
            ThresholdsJson = FairnessThresholdsJson.ToJson(Thresholds),
        };
        var version = new ModelVersion
        {
            Id = Guid.NewGuid(), BlendId = blend.Id, Number = 3, SpecJson = "{}", MetricsJson = "{}", ManifestJson = "{}", EngineVersion = "test",
            ArtifactId = Guid.NewGuid(), ArtifactSha256 = "00", CreatedAtUtc = AuditedAtUtc.AddHours(-1), Review = review,
            ReviewedBy = reviewedBy, ReviewedAtUtc = reviewedBy is null ? null : AuditedAtUtc.AddDays(1), ReviewJustification = justification,
            ReviewedAuditId = reviewedBy is null ? null : audit.Id,
        };
        audit.ModelVersionId = version.Id;
        db.Blends.Add(blend);
        db.ModelVersions.Add(version);
        db.BiasAudits.Add(audit);
        await db.SaveChangesAsync();
        return (blend.Id, version.Id, audit.Id);
    }

    private static UserListMetrics Metrics(int user, int[] list, int[] relevant)
    {
        return UserListMetrics.Measure(user, list, new HashSet<int>(relevant), K);
    }
}
