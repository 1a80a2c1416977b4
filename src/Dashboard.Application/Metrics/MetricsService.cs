using Dashboard.Application.Common;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Evaluation.Significance;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Metrics;

/// <summary>
/// The offline measures of every version of a blend over time, and two versions compared: the change of every
/// measure and, for NDCG@10, Welch's t-test over the end-users each version was evaluated on. Read-only; needs the dashboard.
/// </summary>
public sealed class MetricsService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory)
{
    /// <summary>
    /// Why the test is Welch's and not a paired one: each version is evaluated on its own held-out end-users (each
    /// end-user's latest 20 % of the data of its day), so once data grew they are not the same people.
    /// </summary>
    public const string UnpairedNote =
        "Each version was measured on the held-out interactions of its own training data, so the end-users differ once data grows and a " +
        "paired test is not possible; Welch's t-test compares the two groups of end-users by their mean, spread and number.";

    public const string SameDataNote =
        "Both versions were trained on the same data (the same end-users), but only each version's mean, spread and number of end-users " +
        "are kept, not each end-user's figure, so the test is Welch's t-test here too.";

    public async Task<IReadOnlyList<MetricsBlend>> BlendsAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var blends = await db.Blends.AsNoTracking().Select(b => new { b.Id, b.Name }).ToListAsync(cancellationToken);
        var counts = await db.ModelVersions.AsNoTracking().GroupBy(v => v.BlendId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. blends.Select(b => new MetricsBlend(b.Id, b.Name, counts.GetValueOrDefault(b.Id))).OrderBy(b => b.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<MetricsHistory> HistoryAsync(Guid blendId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var blend = await db.Blends.AsNoTracking().FirstOrDefaultAsync(b => b.Id == blendId, cancellationToken)
            ?? throw new NotFoundException("That blend does not exist.");
        var versions = await db.ModelVersions.AsNoTracking().Where(v => v.BlendId == blendId).OrderBy(v => v.Number).ToListAsync(cancellationToken);
        return new MetricsHistory(new MetricsBlend(blend.Id, blend.Name, versions.Count), [.. versions.Select(v => View(v, blend.ActiveVersionId))]);
    }

    public async Task<MetricsComparison> CompareAsync(Guid firstVersionId, Guid secondVersionId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var first = await LoadVersionAsync(db, firstVersionId, cancellationToken);
        var second = await LoadVersionAsync(db, secondVersionId, cancellationToken);
        if (first.BlendId != second.BlendId)
        {
            throw new NotFoundException("Both versions must belong to the same blend.");
        }

        var active = await db.Blends.AsNoTracking().Where(b => b.Id == first.BlendId).Select(b => b.ActiveVersionId).FirstOrDefaultAsync(cancellationToken);
        return Compare(View(first, active), View(second, active));
    }

    /// <summary>Every measure's change from <paramref name="first"/> to <paramref name="second"/>, and the NDCG@10 test where both versions allow it.</summary>
    public static MetricsComparison Compare(MetricsVersion first, MetricsVersion second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var changes = Measures.All.Select(m => new MeasureChange(m, m.ValueOf(first.Metrics), m.ValueOf(second.Metrics))).ToList();
        var sameData = string.Equals(first.EndUserIdsSha256, second.EndUserIdsSha256, StringComparison.Ordinal);
        var note = sameData ? SameDataNote : UnpairedNote;
        if (Spread(first) is not { } a || Spread(second) is not { } b)
        {
            var older = Spread(first) is null ? first : second;
            return new MetricsComparison(first, second, changes, null,
                $"No significance test: version {older.Number} was trained before the spread of NDCG@10 over end-users was recorded.", sameData);
        }

        if (WelchTest.Compare(a, b) is not { } test)
        {
            return new MetricsComparison(first, second, changes, null,
                "No significance test: it needs at least two evaluated end-users in each version and some spread between them.", sameData);
        }

        var delta = b.Mean - a.Mean;
        return new MetricsComparison(first, second, changes,
            new NdcgSignificance(delta, test.T, test.DegreesOfFreedom, test.PValue, SignificanceText.Describe("NDCG@10", delta, test.PValue)), note, sameData);
    }

    private static SampleSummary? Spread(MetricsVersion version) =>
        version.Metrics.NdcgStandardDeviation is { } sd ? new SampleSummary(version.Metrics.NdcgAt10, sd, version.Metrics.EvaluatedEndUsers) : null;

    private static MetricsVersion View(ModelVersion version, Guid? activeVersionId)
    {
        var metrics = VersionMetrics.FromJson(version.MetricsJson);
        return new MetricsVersion(version.Id, version.Number, version.CreatedAtUtc, version.Id == activeVersionId, version.Status, version.Review,
            DataManifest.FromJson(version.ManifestJson).EndUserIdsSha256, metrics with { Groups = [] });
    }

    private static async Task<ModelVersion> LoadVersionAsync(IAppDbContext db, Guid versionId, CancellationToken cancellationToken) =>
        await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken)
        ?? throw new NotFoundException("That model version does not exist.");
}
