namespace Dashboard.Application.Training;

/// <summary>Two versions of a blend and how each measure moved from the first to the second.</summary>
public sealed record VersionComparison(ModelVersionView First, ModelVersionView Second, IReadOnlyList<MetricDelta> Deltas);
