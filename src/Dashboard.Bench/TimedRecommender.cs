using System.Collections.Concurrent;
using System.Diagnostics;
using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Bench;

/// <summary>Decorator that records the wall time of every Recommend call (the evaluator calls it once per user).</summary>
internal sealed class TimedRecommender(IRecommender inner) : IRecommender
{
    private readonly ConcurrentBag<double> _micros = [];

    public string Name => inner.Name;

    public bool IsFitted => inner.IsFitted;

    public void Score(int user, ReadOnlySpan<int> candidates, Span<float> scores) => inner.Score(user, candidates, scores);

    public IReadOnlyList<ScoredItem> Recommend(int user, int n, Func<int, bool>? allow = null)
    {
        var start = Stopwatch.GetTimestamp();
        var result = inner.Recommend(user, n, allow);
        _micros.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        return result;
    }

    public void Save(Stream stream) => inner.Save(stream);

    public (double Mean, double P99) Summary()
    {
        var all = _micros.ToArray();
        if (all.Length == 0)
        {
            return (double.NaN, double.NaN);
        }

        Array.Sort(all);
        var p99 = all[Math.Min(all.Length - 1, (int)Math.Ceiling(0.99 * all.Length) - 1)];
        return (all.Average(), p99);
    }
}
