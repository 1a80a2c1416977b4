namespace Dashboard.Application.Metrics;

/// <summary>Every version of a blend, oldest first.</summary>
public sealed record MetricsHistory(MetricsBlend Blend, IReadOnlyList<MetricsVersion> Versions);
