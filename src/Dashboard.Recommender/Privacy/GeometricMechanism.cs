namespace Dashboard.Recommender.Privacy;

/// <summary>
/// The two-sided geometric mechanism (Ghosh, Roughgarden and Sundararajan 2009), the integer counterpart of
/// Laplace: noise k has probability (1 − α)/(1 + α)·α^|k| with α = e^(−ε/sensitivity), so a count stays an
/// integer and is ε-differentially private. Its variance is 2α/(1 − α)².
/// </summary>
public static class GeometricMechanism
{
    /// <summary>One draw of the noise, as the difference of two independent geometric counts with success 1 − α.</summary>
    public static long Noise(int sensitivity, double epsilon, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sensitivity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        var logAlpha = -epsilon / sensitivity;
        return Geometric(logAlpha, random) - Geometric(logAlpha, random);
    }

    /// <summary>
    /// The count plus noise, clamped at 0. Clamping is post-processing (it reads only the noisy figure), so it costs no
    /// privacy; it biases small counts upward, which a reader of "about 3 end-users" is better served by than "−2".
    /// </summary>
    public static long ReleaseCount(long count, int sensitivity, double epsilon, IRandomSource random) =>
        Math.Max(0, count + Noise(sensitivity, epsilon, random));

    /// <summary>
    /// Counts of groups where each person is counted in at most <paramref name="sensitivity"/> of them (1 for disjoint
    /// groups): adding or removing a person moves the counts by at most that much in total, so the whole histogram costs
    /// one ε.
    /// </summary>
    public static long[] ReleaseHistogram(IReadOnlyList<long> counts, double epsilon, IRandomSource random, int sensitivity = 1)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var released = new long[counts.Count];
        for (var i = 0; i < released.Length; i++)
        {
            released[i] = ReleaseCount(counts[i], sensitivity, epsilon, random);
        }

        return released;
    }

    /// <summary>Failures before the first success when each try succeeds with 1 − α: ⌊ln U / ln α⌋ for U uniform on (0, 1].</summary>
    private static long Geometric(double logAlpha, IRandomSource random)
    {
        var u = 1 - random.NextDouble();
        return (long)Math.Floor(Math.Log(u) / logAlpha);
    }
}
