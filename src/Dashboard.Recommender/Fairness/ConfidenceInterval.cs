namespace Dashboard.Recommender.Fairness;

/// <summary>A two-sided interval at <see cref="Level"/> (e.g. 0.95) from the percentile bootstrap.</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level)
{
    /// <summary>True when <paramref name="bound"/> lies strictly inside the interval.</summary>
    public bool Straddles(double bound) => Lower < bound && bound < Upper;
}
