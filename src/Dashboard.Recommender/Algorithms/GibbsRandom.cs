namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// A SplitMix64 stream with the normal and gamma draws a Gibbs sampler needs. A struct seeded per row
/// and sweep, so rows sampled in parallel draw the same numbers on any number of cores; System.Random
/// is a class with a costly seeded start and no normal or gamma sampler.
/// </summary>
internal struct GibbsRandom(ulong seed)
{
    private ulong _state = seed;
    private double _spare = double.NaN;

    public static GibbsRandom For(int seed, int stream, int row) =>
        new(((ulong)(uint)RatingGrid.DeriveSeed(seed, stream, row) << 32) ^ (uint)RatingGrid.DeriveSeed(row, seed, stream));

    /// <summary>Uniform on (0, 1].</summary>
    public double NextUniform()
    {
        unchecked
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return ((z >> 11) + 1) * (1.0 / (1UL << 53));
        }
    }

    /// <summary>Standard normal by Box–Muller, using both values of each pair.</summary>
    public double NextNormal()
    {
        if (!double.IsNaN(_spare))
        {
            var spare = _spare;
            _spare = double.NaN;
            return spare;
        }

        var radius = Math.Sqrt(-2.0 * Math.Log(NextUniform()));
        var angle = 2 * Math.PI * NextUniform();
        _spare = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    /// <summary>Gamma(shape, 1) by Marsaglia and Tsang (2000); shapes below 1 are boosted by U^(1/shape).</summary>
    public double NextGamma(double shape)
    {
        if (shape < 1)
        {
            return NextGamma(shape + 1) * Math.Pow(NextUniform(), 1 / shape);
        }

        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = NextNormal();
                v = 1 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = NextUniform();
            if (Math.Log(u) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }
}
