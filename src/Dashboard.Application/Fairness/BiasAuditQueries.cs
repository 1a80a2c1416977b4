using Dashboard.Application.Common;
using Dashboard.Application.Compliance;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using Dashboard.Domain.Identity;
using Dashboard.Recommender.Fairness;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Fairness;

/// <summary>
/// What the bias-audit pages read: the list of audits (newest first), one audit in full, the history of each judged
/// figure across a blend's versions, the versions waiting for review, and each version's standing with the
/// compliance gate. Reads only; anyone on the dashboard (ViewDashboard) may read, within their organisation.
/// </summary>
public sealed class BiasAuditQueries(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IReleaseGate gate)
{
    /// <summary>Every audit of the organisation, or of one blend, newest first.</summary>
    public async Task<IReadOnlyList<BiasAuditSummary>> ListAsync(Guid? blendId = null, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var audits = db.BiasAudits.AsNoTracking();
        if (blendId is { } blend)
        {
            audits = audits.Where(a => a.BlendId == blend);
        }

        var rows = await audits
            .Select(a => new { a.Id, a.BlendId, a.ModelVersionId, a.VersionNumber, a.CreatedAtUtc, a.Outcome, a.FailCount, a.BlockingFailCount, a.WarnCount, a.EvaluatedEndUsers, a.Attributes, a.RequestedBy })
            .ToListAsync(cancellationToken);
        var names = await db.Blends.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var reviews = await db.ModelVersions.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Review, cancellationToken);
        return [.. rows
            .OrderByDescending(a => a.CreatedAtUtc).ThenByDescending(a => a.VersionNumber)
            .Select(a => new BiasAuditSummary(
                a.Id, a.BlendId, names.GetValueOrDefault(a.BlendId, "(deleted blend)"), a.ModelVersionId, a.VersionNumber, a.CreatedAtUtc, a.Outcome,
                a.FailCount, a.BlockingFailCount, a.WarnCount, a.EvaluatedEndUsers, a.Attributes,
                reviews.GetValueOrDefault(a.ModelVersionId, ReleaseReview.NotAudited), a.RequestedBy))];
    }

    /// <summary>The latest audit of every version that waits for a compliance officer's review, oldest version first.</summary>
    public async Task<IReadOnlyList<BiasAuditSummary>> AwaitingReviewAsync(CancellationToken cancellationToken = default) =>
        [.. (await ListAsync(cancellationToken: cancellationToken))
            .Where(a => a.Review == ReleaseReview.AwaitingReview)
            .GroupBy(a => a.ModelVersionId)
            .Select(g => g.First())
            .OrderBy(a => a.CreatedAtUtc)];

    /// <summary>One audit in full, its sentences naming group sizes as the caller may see them; another organisation's audit does not exist here.</summary>
    public async Task<BiasAuditDetail> GetAsync(Guid auditId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var audit = await db.BiasAudits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == auditId, cancellationToken)
            ?? throw new NotFoundException("That bias audit does not exist.");
        var version = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == audit.ModelVersionId, cancellationToken);
        var blend = await db.Blends.AsNoTracking().FirstOrDefaultAsync(b => b.Id == audit.BlendId, cancellationToken);
        var latest = await db.BiasAudits.AsNoTracking().Where(a => a.ModelVersionId == audit.ModelVersionId)
            .OrderByDescending(a => a.CreatedAtUtc).Select(a => a.Id).FirstAsync(cancellationToken);
        var review = version?.Review ?? ReleaseReview.NotAudited;
        var summary = new BiasAuditSummary(
            audit.Id, audit.BlendId, blend?.Name ?? "(deleted blend)", audit.ModelVersionId, audit.VersionNumber, audit.CreatedAtUtc, audit.Outcome,
            audit.FailCount, audit.BlockingFailCount, audit.WarnCount, audit.EvaluatedEndUsers, audit.Attributes, review, audit.RequestedBy);
        var rerank = version is null ? BlendSpec.Default.Rerank : BlendSpec.FromJson(version.SpecJson).Rerank;
        var exact = GroupSizeText.SeesExactSizes(caller);
        var document = BiasAuditDocument.FromJson(audit.ReportJson);
        document = document with { Sentences = [.. document.Explained.Select(e => FindingText.For(e.Finding, e.Sentence, exact))] };
        return new BiasAuditDetail(
            summary,
            document,
            FairnessThresholdsJson.FromJson(audit.ThresholdsJson),
            version?.ReviewedBy,
            version?.ReviewedAtUtc,
            version?.ReviewJustification,
            blend?.ActiveVersionId == audit.ModelVersionId,
            latest == audit.Id,
            new WhatIfSetting(rerank.MmrLambda, rerank.LongTailBoost, rerank.MaxPerCategory),
            caller.Can(Policies.SignOffAudits),
            version is not null && (caller.Can(Policies.ManageBlendsAndCampaigns) || caller.Can(Policies.SignOffAudits)),
            exact);
    }

    /// <summary>
    /// Every judged figure of a blend across its versions: per figure, the value the latest audit of each version
    /// measured, oldest version first. A figure a version's audit did not measure (a group that appeared later) is
    /// simply absent from that version.
    /// </summary>
    public async Task<IReadOnlyList<FigureHistory>> HistoryAsync(Guid blendId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var audits = await db.BiasAudits.AsNoTracking().Where(a => a.BlendId == blendId)
            .Select(a => new { a.Id, a.ModelVersionId, a.VersionNumber, a.CreatedAtUtc, a.ReportJson })
            .ToListAsync(cancellationToken);
        var latestPerVersion = audits
            .GroupBy(a => a.ModelVersionId)
            .Select(g => g.OrderByDescending(a => a.CreatedAtUtc).First())
            .OrderBy(a => a.VersionNumber);
        var histories = new Dictionary<string, (string Label, List<FigureHistoryPoint> Points)>(StringComparer.Ordinal);
        foreach (var audit in latestPerVersion)
        {
            foreach (var finding in BiasAuditDocument.FromJson(audit.ReportJson).Report.Findings)
            {
                var key = KeyOf(finding);
                if (!histories.TryGetValue(key, out var history))
                {
                    history = (LabelOf(finding), []);
                    histories[key] = history;
                }

                history.Points.Add(new FigureHistoryPoint(audit.VersionNumber, audit.Id, finding.Figure, finding.Verdict));
            }
        }

        return [.. histories.Select(h => new FigureHistory(h.Key, h.Value.Label, h.Value.Points))];
    }

    /// <summary>Each version of a blend with its review state, latest audit and, where the gate would refuse it, why.</summary>
    public async Task<IReadOnlyList<VersionReleaseState>> ReleaseStatesAsync(Guid blendId, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ViewDashboard, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var versions = await db.ModelVersions.AsNoTracking().Where(v => v.BlendId == blendId).ToListAsync(cancellationToken);
        var audits = await db.BiasAudits.AsNoTracking().Where(a => a.BlendId == blendId)
            .Select(a => new { a.Id, a.ModelVersionId, a.CreatedAtUtc, a.Outcome })
            .ToListAsync(cancellationToken);
        var states = new List<VersionReleaseState>(versions.Count);
        foreach (var version in versions.OrderByDescending(v => v.Number))
        {
            var latest = audits.Where(a => a.ModelVersionId == version.Id).OrderByDescending(a => a.CreatedAtUtc).FirstOrDefault();
            var decision = await gate.CheckAsync(version, cancellationToken);
            states.Add(new VersionReleaseState(
                version.Id, version.Review, latest?.Id, latest?.Outcome,
                decision.Allowed ? null : $"Version {version.Number} cannot go live: {decision.Reason}"));
        }

        return states;
    }

    /// <summary>What identifies a figure across audits: what it measures, of whom, in which category.</summary>
    public static string KeyOf(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return string.Join('|', finding.Kind, finding.Metric, finding.Attribute, finding.Group, finding.Category ?? string.Empty);
    }

    /// <summary>A figure's name as people read it, e.g. "region North: Electronics exposure ratio".</summary>
    public static string LabelOf(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var who = finding.Attribute.Length == 0 ? "All items" : $"{finding.Attribute} {finding.Group}";
        var what = finding.Kind switch
        {
            FigureKind.QualityRatio => $"{finding.Metric} ratio",
            FigureKind.ExposureRatio => $"{finding.Category} exposure ratio",
            FigureKind.OutcomeRateRatio => $"{finding.Category} outcome-rate ratio",
            FigureKind.CalibrationKl => "calibration KL",
            FigureKind.ExposureGini => "exposure Gini",
            _ => finding.Metric,
        };
        return $"{who}: {what}";
    }
}
