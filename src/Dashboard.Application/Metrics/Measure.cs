using Dashboard.Application.Training;

namespace Dashboard.Application.Metrics;

/// <summary>
/// One measure a version records: how to read it, whether higher is better, and, where a version has no value,
/// the reason in words (never a made-up number).
/// </summary>
public sealed record Measure(
    string Name, string Description, MeasureGroup Group, bool HigherIsBetter, Func<VersionMetrics, double?> Read, Func<VersionMetrics, string> WhyMissing)
{
    public double? ValueOf(VersionMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return Read(metrics) is { } value && double.IsFinite(value) ? value : null;
    }

    /// <summary>Null when the version has a value; otherwise why it has none.</summary>
    public string? NotApplicable(VersionMetrics metrics) => ValueOf(metrics) is null ? WhyMissing(metrics) : null;
}
