using System.Collections.Concurrent;

namespace Dashboard.Recommender.Tests.Algorithms;

/// <summary>Synchronous IProgress (Progress&lt;T&gt; posts asynchronously) that keeps every report.</summary>
internal sealed class RecordingProgress : IProgress<double>
{
    private readonly ConcurrentQueue<double> _values = new();

    public IReadOnlyList<double> Values => [.. _values];

    public void Report(double value) => _values.Enqueue(value);
}
