using Dashboard.Domain.Blends;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Application.Fairness;

/// <summary>
/// One bias audit as its detail page shows it: the list row, the stored document and the thresholds it was judged
/// by, the version's review (who decided, when, why), the version's own re-ranking setting (the what-if baseline),
/// what the caller may do (sign off, audit again) and whether group sizes are shown exactly.
/// </summary>
public sealed record BiasAuditDetail(
    BiasAuditSummary Audit,
    BiasAuditDocument Document,
    FairnessThresholds Thresholds,
    string? ReviewedBy,
    DateTime? ReviewedAtUtc,
    string? ReviewJustification,
    bool IsActive,
    bool IsLatestOfVersion,
    WhatIfSetting VersionSetting,
    bool CanSignOff,
    bool CanRequestAudit,
    bool SeesExactSizes)
{
    /// <summary>True when a compliance officer's decision is due on the audited version.</summary>
    public bool AwaitsReview => Audit.Review == ReleaseReview.AwaitingReview;
}
