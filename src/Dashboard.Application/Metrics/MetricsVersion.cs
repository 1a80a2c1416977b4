using Dashboard.Application.Training;
using Dashboard.Domain.Blends;

namespace Dashboard.Application.Metrics;

/// <summary>
/// A version as the Metrics page shows it. <see cref="Metrics"/> carries no per-group figures: group sizes are
/// aggregates about people, shown only on the versions and bias-audit pages under their own rules.
/// </summary>
public sealed record MetricsVersion(
    Guid Id, int Number, DateTime CreatedAtUtc, bool IsActive, ModelVersionStatus Status, ReleaseReview Review, string EndUserIdsSha256, VersionMetrics Metrics);
