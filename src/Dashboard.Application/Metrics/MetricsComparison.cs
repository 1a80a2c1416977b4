namespace Dashboard.Application.Metrics;

/// <summary>
/// Two versions side by side. <see cref="Significance"/> is null when the test cannot be made, and
/// <see cref="SignificanceNote"/> says why or how it was made.
/// </summary>
public sealed record MetricsComparison(
    MetricsVersion First, MetricsVersion Second, IReadOnlyList<MeasureChange> Changes, NdcgSignificance? Significance, string SignificanceNote, bool SameData);
