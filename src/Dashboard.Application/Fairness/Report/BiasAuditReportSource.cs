using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;

namespace Dashboard.Application.Fairness.Report;

/// <summary>What a bias-audit report is made from, as read for one caller.</summary>
/// <param name="Version">The audited version now (its review may have moved on since the audit); null once it was deleted.</param>
/// <param name="DecisionAuditAtUtc">When the audit the version's decision was taken on ran, where that is another audit than this one.</param>
/// <param name="ExactSizes">Whether the caller may see exact group sizes (<see cref="GroupSizeText.SeesExactSizes"/>).</param>
public sealed record BiasAuditReportSource(
    string Organisation,
    DateTime GeneratedAtUtc,
    string BlendName,
    BiasAudit Audit,
    ModelVersion? Version,
    DateTime? DecisionAuditAtUtc,
    bool ExactSizes);
