using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;

namespace Dashboard.Application.Fairness;

/// <summary>
/// Where a model version stands with its bias audit: its review state, its latest audit (if any) and, when the
/// compliance gate would refuse to make it live, the sentence saying why — shown before anyone tries.
/// </summary>
public sealed record VersionReleaseState(Guid VersionId, ReleaseReview Review, Guid? LatestAuditId, BiasAuditOutcome? LatestOutcome, string? BlockedBecause);
