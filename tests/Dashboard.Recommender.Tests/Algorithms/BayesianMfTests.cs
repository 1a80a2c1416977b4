using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Algorithms;

public class BayesianMfTests
{
    /// <summary>
    /// Ratings that are exactly μ + b_u + b_i + p_u·q_i with two factors, plus normal noise of the given
    /// standard deviation; every user rates about half the items.
    /// </summary>
    private static (Rating[] Train, Rating[] Test) LowRank(double noise, int users = 80, int items = 40, int seed = 3)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var p = Enumerable.Range(0, users).Select(_ => new[] { Normal(), Normal() }).ToArray();
        var q = Enumerable.Range(0, items).Select(_ => new[] { Normal(), Normal() }).ToArray();
        var bu = Enumerable.Range(0, users).Select(_ => 0.3 * Normal()).ToArray();
        var bi = Enumerable.Range(0, items).Select(_ => 0.3 * Normal()).ToArray();
        var train = new List<Rating>();
        var test = new List<Rating>();
        for (var u = 0; u < users; u++)
        {
            for (var i = 0; i < items; i++)
            {
                if (random.NextDouble() < 0.5)
                {
                    var value = 3 + bu[u] + bi[i] + (0.5 * ((p[u][0] * q[i][0]) + (p[u][1] * q[i][1]))) + (noise * Normal());
                    (random.NextDouble() < 0.2 ? test : train).Add(new Rating(u, i, (float)value));
                }
            }
        }

        return ([.. train], [.. test]);
    }

    private static double Rmse(BayesianMf model, Rating[] test)
    {
        var score = new float[1];
        var sum = 0.0;
        foreach (var r in test)
        {
            model.Score(r.User, [r.Item], score);
            sum += (score[0] - r.Value) * (score[0] - r.Value);
        }

        return Math.Sqrt(sum / test.Length);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Fit_NoiselessLowRankRatings_PredictsHeldOutOnesAlmostExactly(bool implicitFactors)
    {
        var (train, test) = LowRank(noise: 0);
        var model = new BayesianMf();
        model.Fit(InteractionMatrix.Build(train, 80, 40), new BayesianMfOptions { Factors = 4, BurnIn = 30, Samples = 30, Implicit = implicitFactors });

        // The ratings spread with a standard deviation of about 0.8; the global mean would miss by that much.
        Assert.InRange(Rmse(model, test), 0, 0.1);
    }

    [Fact]
    public void Fit_SamplesTheNoisePrecisionTheDataWasMadeWith()
    {
        var (train, _) = LowRank(noise: 0.5, users: 150, items: 60);
        var model = new BayesianMf();
        model.Fit(InteractionMatrix.Build(train, 150, 60), new BayesianMfOptions { Factors = 4, BurnIn = 30, Samples = 10, Implicit = false });

        // Noise of standard deviation 0.5 is precision 4; the last draw fits the training ratings, so it sits a little above.
        Assert.InRange(model.LastNoisePrecision, 3.2, 6);
    }

    [Fact]
    public void Fit_MoreFactorsThanTheTruthOnNoisyRatings_StaysNearTheNoiseFloor()
    {
        var (train, test) = LowRank(noise: 0.7, users: 150, items: 60);
        var matrix = InteractionMatrix.Build(train, 150, 60);
        var model = new BayesianMf();
        model.Fit(matrix, new BayesianMfOptions { Factors = 8, BurnIn = 30, Samples = 40 });
        var mean = (float)matrix.GlobalMean();
        var meanRmse = Math.Sqrt(test.Average(r => (r.Value - mean) * (r.Value - mean)));

        // Eight factors for a rank-2 truth: a point estimate without priors would fit the noise; the sampled
        // priors keep the error near the noise's 0.7, well below the global mean's.
        Assert.True(meanRmse > 0.95, $"mean {meanRmse:F3}");
        Assert.InRange(Rmse(model, test), 0.6, 0.8);
    }

    [Fact]
    public void Fit_FixedNoisePrecision_IsKept()
    {
        var model = new BayesianMf();
        model.Fit(TinyData.Random(), new BayesianMfOptions { Factors = 2, BurnIn = 1, Samples = 2, NoisePrecision = 2 });

        Assert.Equal(2, model.LastNoisePrecision);
    }

    [Fact]
    public void Fit_SameSeed_GivesIdenticalScores_AnotherSeedDoesNot()
    {
        var data = TinyData.Random(users: 50, items: 30, seed: 5);
        float[] Scores(int seed)
        {
            var model = new BayesianMf();
            model.Fit(data, new BayesianMfOptions { Factors = 3, BurnIn = 2, Samples = 3, Seed = seed });
            var scores = new float[30];
            model.Score(7, [.. Enumerable.Range(0, 30)], scores);
            return scores;
        }

        Assert.Equal(Scores(1), Scores(1));
        Assert.NotEqual(Scores(1), Scores(2));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(2, -1, 1)]
    [InlineData(2, 1, 0)]
    public void Fit_OptionsOutOfRange_AreRejected(int factors, int burnIn, int samples)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new BayesianMf().Fit(TinyData.Random(), new BayesianMfOptions { Factors = factors, BurnIn = burnIn, Samples = samples }));
    }

    [Fact]
    public void Fit_NonPositiveNoisePrecision_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            () => new BayesianMf().Fit(TinyData.Random(), new BayesianMfOptions { Factors = 2, NoisePrecision = 0 }));
    }
}
