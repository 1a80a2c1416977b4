using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

/// <summary>Known moments of the draws the Gibbs sampler is built from.</summary>
public class GibbsSamplingTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(3)]
    [InlineData(250)]
    public void NextGamma_HasTheShapeAsMeanAndVariance(double shape)
    {
        var random = new GibbsRandom(17);
        var draws = Enumerable.Range(0, 200_000).Select(_ => random.NextGamma(shape)).ToArray();
        var mean = draws.Average();
        var variance = draws.Average(x => (x - mean) * (x - mean));

        Assert.InRange(mean, shape * 0.98, shape * 1.02);
        Assert.InRange(variance, shape * 0.95, shape * 1.05);
    }

    [Fact]
    public void NextNormal_IsStandardNormal()
    {
        var random = new GibbsRandom(5);
        var draws = Enumerable.Range(0, 200_000).Select(_ => random.NextNormal()).ToArray();
        var mean = draws.Average();

        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(draws.Average(x => x * x), 0.99, 1.01);
        Assert.InRange(draws.Count(x => x < -1.959964) / 200_000.0, 0.0235, 0.0265);
    }

    [Fact]
    public void For_SameSeedStreamAndRow_RepeatsItsDraws_AnotherRowDoesNot()
    {
        var a = GibbsRandom.For(42, 3, 7);
        var b = GibbsRandom.For(42, 3, 7);
        var c = GibbsRandom.For(42, 3, 8);

        Assert.Equal(a.NextUniform(), b.NextUniform());
        Assert.NotEqual(GibbsRandom.For(42, 3, 7).NextUniform(), c.NextUniform());
    }

    [Fact]
    public void NormalWishart_ManyRows_DrawsTheirMeanAndPrecision()
    {
        // 20,000 rows from N((1, −2), Σ) with Σ = [[0.5, 0.2], [0.2, 0.25]]: the posterior concentrates on μ and Σ⁻¹.
        const int Count = 20_000;
        var random = new GibbsRandom(9);
        var rows = new float[Count * 2];
        for (var r = 0; r < Count; r++)
        {
            // Σ = L Lᵀ with L = [[√0.5, 0], [0.2/√0.5, √(0.25 − 0.08)]].
            var z1 = random.NextNormal();
            var z2 = random.NextNormal();
            var l11 = Math.Sqrt(0.5);
            var l21 = 0.2 / l11;
            var l22 = Math.Sqrt(0.25 - (l21 * l21));
            rows[r * 2] = (float)(1 + (l11 * z1));
            rows[(r * 2) + 1] = (float)(-2 + (l21 * z1) + (l22 * z2));
        }

        var precision = new double[4];
        var mean = new double[2];
        var draw = new GibbsRandom(11);
        NormalWishart.Sample(rows, Count, 2, 2, ref draw, precision, mean);

        // Σ⁻¹ = [[0.25, −0.2], [−0.2, 0.5]] / (0.5·0.25 − 0.04) = [[2.941, −2.353], [−2.353, 5.882]].
        Assert.InRange(mean[0], 0.97, 1.03);
        Assert.InRange(mean[1], -2.03, -1.97);
        Assert.InRange(precision[0], 2.941 * 0.95, 2.941 * 1.05);
        Assert.InRange(precision[1], -2.353 * 1.05, -2.353 * 0.95);
        Assert.InRange(precision[3], 5.882 * 0.95, 5.882 * 1.05);
        Assert.Equal(precision[1], precision[2]);
    }
}
