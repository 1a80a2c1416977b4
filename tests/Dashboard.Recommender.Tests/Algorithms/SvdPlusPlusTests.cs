using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Algorithms;

public class SvdPlusPlusTests
{
    [Fact]
    public void Fit_PredictsHeldOutRatingsBetterThanTheGlobalMean()
    {
        var all = TinyData.Random(users: 60, items: 30, seed: 11).ToRatings();
        var train = all.Where((_, k) => k % 5 != 0).ToArray();
        var test = all.Where((_, k) => k % 5 == 0).ToArray();
        var matrix = InteractionMatrix.Build(train, 60, 30);
        var model = new SvdPlusPlus();
        model.Fit(matrix, new SvdPlusPlusOptions { Factors = 4, Epochs = 60, LearningRate = 0.02f, Strata = 2 });

        var mean = (float)matrix.GlobalMean();
        double modelError = 0, meanError = 0;
        var score = new float[1];
        foreach (var r in test)
        {
            model.Score(r.User, [r.Item], score);
            modelError += (score[0] - r.Value) * (score[0] - r.Value);
            meanError += (mean - r.Value) * (mean - r.Value);
        }

        Assert.True(modelError < 0.8 * meanError, $"model SSE {modelError:F1} vs mean SSE {meanError:F1}");
    }

    [Fact]
    public void Fit_NegativeImplicitRegularization_IsRejected()
    {
        var model = new SvdPlusPlus();

        Assert.Throws<ArgumentOutOfRangeException>(
            () => model.Fit(TinyData.Random(), new SvdPlusPlusOptions { Factors = 2, Epochs = 1, ImplicitRegularization = -0.1f }));
    }

    [Fact]
    public void Options_KeepTheirOwnStrataDefaults()
    {
        Assert.Equal((2, 8), (new BiasedMfOptions().Strata, new SvdPlusPlusOptions().Strata));
    }
}
