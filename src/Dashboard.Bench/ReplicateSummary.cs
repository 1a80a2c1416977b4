using Dashboard.Recommender.Evaluation.Significance;

namespace Dashboard.Bench;

/// <summary>
/// Collects one algorithm's figures over the replicates of a protocol (seeds or folds) and turns them into a
/// table row of means with their sample standard deviations and the settings chosen in each replicate.
/// </summary>
internal sealed class ReplicateSummary(string task, string dataset, string algorithm)
{
    private readonly Dictionary<string, List<double>> _metrics = new(StringComparer.Ordinal);
    private readonly List<string> _chosen = [];
    private readonly List<double> _fitSeconds = [];

    public void Add(IReadOnlyDictionary<string, double> metrics, string chosen, double fitSeconds)
    {
        foreach (var (name, value) in metrics)
        {
            if (!_metrics.TryGetValue(name, out var values))
            {
                _metrics[name] = values = [];
            }

            values.Add(value);
        }

        _chosen.Add(chosen);
        _fitSeconds.Add(fitSeconds);
    }

    public BenchRow ToRow(string replicateName)
    {
        var means = new Dictionary<string, double>(StringComparer.Ordinal);
        var spreads = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, values) in _metrics)
        {
            var summary = SampleSummary.Of(values.ToArray());
            means[name] = summary.Mean;
            spreads[name] = summary.StandardDeviation;
        }

        var chosen = _chosen.Distinct(StringComparer.Ordinal).Count() == 1
            ? $"chosen in all {_chosen.Count} {replicateName}s: {_chosen[0]}"
            : $"chosen per {replicateName}: {string.Join(" | ", _chosen)}";
        return new BenchRow(task, dataset, algorithm, means, _fitSeconds.Average(), Note: chosen, Spread: spreads);
    }
}
