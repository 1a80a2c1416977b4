namespace Dashboard.Recommender.Privacy;

/// <summary>A reproducible source for tests and benchmarks. Never for released figures: its draws can be predicted.</summary>
public sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public double NextDouble() => _random.NextDouble();
}
