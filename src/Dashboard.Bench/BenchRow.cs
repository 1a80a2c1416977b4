namespace Dashboard.Bench;

/// <summary>
/// One line of a benchmark table (and one object of the JSON output). <see cref="Spread"/> holds the sample
/// standard deviation of a metric over the replicates (seeds or folds) whose mean <see cref="Metrics"/> holds.
/// </summary>
internal sealed record BenchRow(
    string Task,
    string Dataset,
    string Algorithm,
    IReadOnlyDictionary<string, double> Metrics,
    double FitSeconds,
    double? RecommendMicrosMean = null,
    double? RecommendMicrosP99 = null,
    string? Note = null,
    IReadOnlyDictionary<string, double>? Spread = null);
