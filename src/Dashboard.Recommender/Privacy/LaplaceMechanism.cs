namespace Dashboard.Recommender.Privacy;

/// <summary>
/// The Laplace mechanism (Dwork et al. 2006): a figure plus noise of scale sensitivity / ε is ε-differentially
/// private. For counts prefer <see cref="GeometricMechanism"/>, whose integer output leaks nothing through
/// floating-point rounding (Mironov 2012).
/// </summary>
public static class LaplaceMechanism
{
    /// <summary>One draw from Laplace(0, <paramref name="sensitivity"/> / <paramref name="epsilon"/>), by the inverse of its distribution function.</summary>
    public static double Noise(double sensitivity, double epsilon, IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sensitivity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epsilon);
        var scale = sensitivity / epsilon;
        double u;
        do
        {
            u = random.NextDouble() - 0.5;
        }
        while (u == -0.5);

        return -scale * Math.Sign(u) * Math.Log(1 - (2 * Math.Abs(u)));
    }

    public static double Release(double value, double sensitivity, double epsilon, IRandomSource random) =>
        value + Noise(sensitivity, epsilon, random);
}
