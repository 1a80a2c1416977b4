using Dashboard.Application.Metrics;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;

namespace Dashboard.Web.Tests.Components.Metrics;

/// <summary>Versions as <see cref="MetricsService"/> returns them, for rendering the Metrics page's components without a database.</summary>
internal static class MetricsSamples
{
    public static ComponentMetrics Ease { get; } = new("Ease", "EASE", 0.6, 0.11, 0.21, 0.19, 0.09, 0.35, 6.1, 0.42, 0.3, 200, null, null, null);

    public static ComponentMetrics BiasedMf { get; } = new("BiasedMf", "Biased MF", 0.4, 0.05, 0.1, 0.08, 0.04, 0.5, 7.0, 0.6, 0.2, 200, 0.91, 0.72, 340);

    /// <summary>A version with every measure, including rating errors from one rating component.</summary>
    public static MetricsVersion Full(int number, double ndcg, ReleaseReview review = ReleaseReview.NotAudited, bool active = false) => new(
        Guid.NewGuid(), number, new DateTime(2026, 3, number, 0, 0, 0, DateTimeKind.Utc), active, ModelVersionStatus.Ready, review, $"hash-{number}",
        new VersionMetrics(0.1, 0.2, ndcg, 0.08, 0.4, 6.5, 200, [], 0.45, 0.3, 340, 0.91, 0.72, "Biased MF", [Ease, BiasedMf]));

    /// <summary>A version stored before diversity, the NDCG spread, ratings and components were recorded.</summary>
    public static MetricsVersion Old(int number, double ndcg) => new(
        Guid.NewGuid(), number, new DateTime(2026, 3, number, 0, 0, 0, DateTimeKind.Utc), false, ModelVersionStatus.Ready, ReleaseReview.NotAudited, $"hash-{number}",
        new VersionMetrics(0.1, 0.2, ndcg, 0.08, 0.4, 6.5, 200, []));
}
