namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// A standard normal draw from a seeded <see cref="Random"/> (which has no normal sampler), by Box–Muller.
/// The models that start from random factors and the synthetic benchmark data share it, so the same seed
/// gives the same numbers everywhere. Samplers that need many draws per row use <see cref="GibbsRandom"/>.
/// </summary>
internal static class NormalDraw
{
    public static double Next(Random random)
    {
        // 1 − u keeps the logarithm's argument in (0, 1].
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
