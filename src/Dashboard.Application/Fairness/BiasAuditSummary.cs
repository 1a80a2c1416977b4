using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;

namespace Dashboard.Application.Fairness;

/// <summary>One row of the bias-audit list: which version of which blend, when, what it concluded and counted, and where the version's review stands now.</summary>
public sealed record BiasAuditSummary(
    Guid Id,
    Guid BlendId,
    string BlendName,
    Guid ModelVersionId,
    int VersionNumber,
    DateTime CreatedAtUtc,
    BiasAuditOutcome Outcome,
    int FailCount,
    int BlockingFailCount,
    int WarnCount,
    int EvaluatedEndUsers,
    string Attributes,
    ReleaseReview Review,
    string? RequestedBy);
