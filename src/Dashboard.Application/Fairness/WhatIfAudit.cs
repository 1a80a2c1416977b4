using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Fairness;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Fairness;

/// <inheritdoc />
/// <remarks>
/// Each setting replaces the version's own diversity λ, long-tail boost and category cap and re-runs the audit on
/// the version's snapshot with the tenant's thresholds in force now. Settings out of range, or more than
/// <see cref="MaxSettings"/> of them, are refused with a <see cref="ValidationException"/> that says which and why.
/// </remarks>
public sealed class WhatIfAudit(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, AuditSnapshotCache snapshots) : IWhatIfAudit
{
    public const int MaxSettings = 8;
    public const double MaxLongTailBoost = 2;
    public const int MaxCategoryCap = 10;

    public async Task<IReadOnlyList<WhatIfPoint>> RunAsync(Guid modelVersionId, IReadOnlyList<WhatIfSetting> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        if (Validate(settings) is { } problem)
        {
            throw new ValidationException(problem);
        }

        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var version = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == modelVersionId, cancellationToken)
            ?? throw new NotFoundException("That model version does not exist.");
        var snapshotId = version.AuditSnapshotArtifactId ?? throw new ValidationException(
            $"Version {version.Number} was trained before bias audits existed, so there is nothing to try settings on; train the blend again.");
        var thresholds = (await db.FairnessSettingsAsync(cancellationToken)).ToThresholds();
        var own = BlendSpec.FromJson(version.SpecJson).Rerank;
        var stored = await snapshots.GetAsync(caller.TenantId, snapshotId, version.Number, cancellationToken);

        var points = new List<WhatIfPoint>(settings.Count);
        foreach (var setting in settings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rerank = own with { MmrLambda = setting.MmrLambda, LongTailBoost = setting.LongTailBoost, MaxPerCategory = setting.MaxPerCategory };
            // Seconds of CPU on a large snapshot: off the caller's thread, so a page's progress indicator keeps drawing meanwhile.
            var run = await Task.Run(() => stored.Snapshot.Audit(rerank, thresholds), cancellationToken);
            points.Add(Point(setting, run));
        }

        return points;
    }

    /// <summary>Why the settings cannot be tried, as one sentence; null when they can.</summary>
    public static string? Validate(IReadOnlyList<WhatIfSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count == 0)
        {
            return "Give at least one setting to try.";
        }

        if (settings.Count > MaxSettings)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Try at most {MaxSettings} settings at a time ({settings.Count} were given): each re-runs the whole audit.");
        }

        for (var i = 0; i < settings.Count; i++)
        {
            var s = settings[i] ?? throw new ArgumentException("A setting is missing.", nameof(settings));
            var which = settings.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $"Setting {i + 1}: ") : string.Empty;
            if (!(s.MmrLambda is >= 0 and <= 1))
            {
                return $"{which}diversity λ must be between 0 and 1 (1 means no diversity re-ranking).";
            }

            if (!(s.LongTailBoost is >= 0 and <= MaxLongTailBoost))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{which}the long-tail boost must be between 0 (off) and {MaxLongTailBoost}.");
            }

            if (s.MaxPerCategory is < 1 or > MaxCategoryCap)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{which}the per-category cap must be from 1 to {MaxCategoryCap}, or empty for no cap.");
            }
        }

        return null;
    }

    /// <summary>
    /// The point of one setting: the worst judged quality or exposure ratio, as its distance from parity (a ratio
    /// above 1 counts as its reciprocal, so 1.5 is as far as 0.67), and what it measured.
    /// </summary>
    public static WhatIfPoint Point(WhatIfSetting setting, AuditRun run)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(run);
        Finding? worst = null;
        var worstDistance = double.PositiveInfinity;
        int fails = 0, blocking = 0;
        foreach (var finding in run.Report.Findings)
        {
            if (finding.Verdict == Verdict.Fail)
            {
                fails++;
                blocking += finding.Threshold.Blocking ? 1 : 0;
            }

            if (finding.Kind is not (FigureKind.QualityRatio or FigureKind.ExposureRatio)
                || finding.Verdict is Verdict.TooFewToJudge or Verdict.Undefined
                || !double.IsFinite(finding.Figure) || finding.Figure <= 0)
            {
                continue;
            }

            var distance = Math.Min(finding.Figure, 1 / finding.Figure);
            if (distance < worstDistance)
            {
                (worst, worstDistance) = (finding, distance);
            }
        }

        var what = worst is null
            ? "no group large enough to judge"
            : worst.Kind == FigureKind.ExposureRatio
                ? $"{worst.Attribute} {worst.Group}, {worst.Category} exposure"
                : $"{worst.Attribute} {worst.Group}, {worst.Metric}";
        return new WhatIfPoint(setting, run.NdcgAt10, worst is null ? double.NaN : worstDistance, what, fails, blocking);
    }
}
