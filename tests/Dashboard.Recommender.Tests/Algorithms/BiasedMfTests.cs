using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Algorithms;

public class BiasedMfTests
{
    [Fact]
    public void Fit_OnRankOneMatrix_RecoversHeldOutValues()
    {
        // r_ui = 1 + a_u·b_i with a, b in [1, 2]: rank one plus a constant. Every 7th cell is held out.
        var random = new Random(3);
        var a = Enumerable.Range(0, 30).Select(_ => 1 + random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 20).Select(_ => 1 + random.NextDouble()).ToArray();
        var train = new List<Rating>();
        var held = new List<Rating>();
        for (var u = 0; u < a.Length; u++)
        {
            for (var i = 0; i < b.Length; i++)
            {
                var r = new Rating(u, i, (float)(1 + (a[u] * b[i])));
                ((((u * b.Length) + i) % 7 == 0) ? held : train).Add(r);
            }
        }

        var model = new BiasedMf();
        model.Fit(
            InteractionMatrix.Build([.. train], a.Length, b.Length),
            new BiasedMfOptions { Factors = 2, Epochs = 300, LearningRate = 0.02f, LearningRateDecay = 0.995f, Regularization = 0.001f, BiasRegularization = 0, Strata = 2, InitialStdDev = 0.1f });

        var score = new float[1];
        var squared = 0.0;
        foreach (var r in held)
        {
            model.Score(r.User, [r.Item], score);
            squared += (score[0] - r.Value) * (score[0] - r.Value);
        }

        Assert.True(Math.Sqrt(squared / held.Count) < 0.05, $"held-out RMSE {Math.Sqrt(squared / held.Count):F4}");
    }

    [Fact]
    public void Fit_DifferentSeeds_GiveDifferentModels()
    {
        var train = TinyData.Random();
        var first = new BiasedMf();
        var second = new BiasedMf();
        first.Fit(train, new BiasedMfOptions { Factors = 4, Epochs = 3, Seed = 1 });
        second.Fit(train, new BiasedMfOptions { Factors = 4, Epochs = 3, Seed = 2 });
        var s1 = new float[1];
        var s2 = new float[1];

        first.Score(0, [0], s1);
        second.Score(0, [0], s2);

        Assert.NotEqual(s1[0], s2[0]);
    }

    [Fact]
    public void UpdateFactors_AppliesTheFusedRegularisedStep()
    {
        var width = FactorRows.PaddedLength(1);
        var p = new float[width];
        var q = new float[width];
        p[0] = 1f;
        q[0] = 2f;

        // step = lr·e = 0.5, decay = 1 − lr·λ = 0.9: p = 0.9 + 0.5·2 = 1.9, q = 1.8 + 0.5·1 = 2.3.
        BiasedMf.UpdateFactors(p, q, 0.5f, 0.9f);

        Assert.Equal(1.9f, p[0], 5);
        Assert.Equal(2.3f, q[0], 5);
    }
}
