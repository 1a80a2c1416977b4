using Dashboard.Domain.Blends;

namespace Dashboard.Application.Training;

/// <summary>A version as the versions page lists it.</summary>
public sealed record ModelVersionView(
    Guid Id, int Number, bool IsActive, ModelVersionStatus Status, string? UnusableReason, DateTime CreatedAtUtc, string? TrainedBy,
    double TrainingSeconds, string EngineVersion, string ArtifactSha256, long ArtifactLength, VersionMetrics Metrics, DataManifest Manifest, string SpecJson,
    ReleaseReview Review = ReleaseReview.NotAudited, string? ReviewedBy = null, DateTime? ReviewedAtUtc = null, string? ReviewJustification = null)
{
    public static ModelVersionView From(ModelVersion version, Guid? activeVersionId)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new(version.Id, version.Number, version.Id == activeVersionId, version.Status, version.UnusableReason, version.CreatedAtUtc, version.TrainedBy,
            version.TrainingSeconds, version.EngineVersion, version.ArtifactSha256, version.ArtifactLength,
            VersionMetrics.FromJson(version.MetricsJson), DataManifest.FromJson(version.ManifestJson), version.SpecJson,
            version.Review, version.ReviewedBy, version.ReviewedAtUtc, version.ReviewJustification);
    }
}
