using Dashboard.Recommender.Privacy;

namespace Dashboard.Recommender.Tests.Privacy;

public class NoiseMechanismTests
{
    private const int Draws = 200_000;

    [Fact]
    public void Laplace_ManyDraws_HaveMeanZeroAndVarianceTwoScaleSquared()
    {
        // Sensitivity 1, ε 0.5: scale b = 2, variance 2b² = 8.
        var random = new SeededRandomSource(11);
        var (mean, variance) = Moments(_ => LaplaceMechanism.Noise(1, 0.5, random));

        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, 7.8, 8.2);
    }

    [Fact]
    public void Laplace_SmallerEpsilon_AddsMoreNoise()
    {
        var random = new SeededRandomSource(12);
        var (_, variance) = Moments(_ => LaplaceMechanism.Noise(1, 0.1, random));

        // Scale 10: variance 200.
        Assert.InRange(variance, 195, 205);
    }

    [Fact]
    public void Geometric_ManyDraws_HaveMeanZeroAndVarianceTwoAlphaOverOneMinusAlphaSquared()
    {
        // ε 0.5: α = e^−0.5 ≈ 0.6065, variance 2α/(1 − α)² ≈ 7.833.
        var random = new SeededRandomSource(21);
        var (mean, variance) = Moments(_ => GeometricMechanism.Noise(1, 0.5, random));

        var alpha = Math.Exp(-0.5);
        var expected = 2 * alpha / ((1 - alpha) * (1 - alpha));
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(variance, expected * 0.98, expected * 1.02);
    }

    [Fact]
    public void Geometric_ZeroNoise_HasProbabilityOneMinusAlphaOverOnePlusAlpha()
    {
        var random = new SeededRandomSource(22);
        var zeros = 0;
        for (var i = 0; i < Draws; i++)
        {
            zeros += GeometricMechanism.Noise(1, 1.0, random) == 0 ? 1 : 0;
        }

        var alpha = Math.Exp(-1.0);
        Assert.InRange(zeros / (double)Draws, ((1 - alpha) / (1 + alpha)) - 0.005, ((1 - alpha) / (1 + alpha)) + 0.005);
    }

    [Fact]
    public void Geometric_ReleasedCount_IsNeverNegative()
    {
        var random = new SeededRandomSource(23);
        var released = Enumerable.Range(0, 10_000).Select(_ => GeometricMechanism.ReleaseCount(0, 1, 0.1, random)).ToList();

        Assert.Equal((0L, true), (released.Min(), released.Max() > 0));
    }

    [Fact]
    public void Geometric_Histogram_SameSeed_GivesTheSameRelease()
    {
        long[] counts = [120, 45, 3];

        Assert.Equal(
            GeometricMechanism.ReleaseHistogram(counts, 0.5, new SeededRandomSource(5)),
            GeometricMechanism.ReleaseHistogram(counts, 0.5, new SeededRandomSource(5)));
    }

    [Fact]
    public void Geometric_Histogram_StaysNearTheTrueCounts()
    {
        var released = GeometricMechanism.ReleaseHistogram([1000, 2000], 1.0, new SeededRandomSource(6));

        // α = e^−1: noise beyond ±15 has probability about 2·α^16/(1 + α) < 10⁻⁶ per count.
        Assert.All(released.Zip([1000L, 2000L]), p => Assert.InRange(p.First, p.Second - 15, p.Second + 15));
    }

    [Fact]
    public void CryptoSource_DrawsLieInTheUnitInterval()
    {
        var draws = Enumerable.Range(0, 1000).Select(_ => CryptoRandomSource.Instance.NextDouble()).ToList();

        Assert.True(draws.All(d => d is >= 0 and < 1) && draws.Distinct().Count() > 990);
    }

    private static (double Mean, double Variance) Moments(Func<int, double> draw)
    {
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < Draws; i++)
        {
            var x = draw(i);
            sum += x;
            sumSquares += x * x;
        }

        var mean = sum / Draws;
        return (mean, (sumSquares / Draws) - (mean * mean));
    }
}
