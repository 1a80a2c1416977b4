namespace Dashboard.Bench;

/// <summary>One line of a benchmark table (and one object of the JSON output).</summary>
internal sealed record BenchRow(
    string Task,
    string Dataset,
    string Algorithm,
    IReadOnlyDictionary<string, double> Metrics,
    double FitSeconds,
    double? RecommendMicrosMean = null,
    double? RecommendMicrosP99 = null,
    string? Note = null);
