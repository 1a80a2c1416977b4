using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Serving;
using Dashboard.Recommender.Tests.Serving;

namespace Dashboard.Recommender.Tests.Algorithms;

public class BprTests
{
    [Fact]
    public void Fit_WithItemBiasesOnly_ReachesTheRegularisedOptimum()
    {
        // One user, one seen and one unseen item: every draw is the triple (0, 0, 1). With zero factors
        // only the biases move, b₁ = −b₀ by symmetry, and the stationary point of
        // ln σ(b₀ − b₁) − (λ/2)(b₀² + b₁²) solves σ(−2b) = λb.
        const float lambda = 0.1f;
        var train = TinyData.Build(1, 2, (0, 0, 1));
        var model = new Bpr();
        model.Fit(train, new BprOptions { Factors = 2, InitialStdDev = 0, BiasRegularization = lambda, LearningRate = 0.05f, Epochs = 4000 });
        var scores = new float[2];

        model.Score(0, [0, 1], scores);

        Assert.Equal(2 * StationaryBias(lambda), scores[0] - scores[1], 4);
    }

    [Fact]
    public void Recommend_RanksTheHeldOutCoOccurringItemFirst()
    {
        // Two communities: users 0–9 consume items 0–4, users 10–19 items 5–9. User 0 lacks item 3;
        // the other nine users of its community all have it, so it must top user 0's list.
        var ratings = new List<Rating>();
        for (var u = 0; u < 20; u++)
        {
            var first = u < 10 ? 0 : 5;
            for (var i = first; i < first + 5; i++)
            {
                if (!(u == 0 && i == 3))
                {
                    ratings.Add(new Rating(u, i, 1));
                }
            }
        }

        var train = InteractionMatrix.Build([.. ratings], 20, 10);
        var model = new Bpr();
        model.Fit(train, new BprOptions { Factors = 4, Epochs = 200 });

        var top = model.Recommend(0, 1, item => !train.Contains(0, item));

        Assert.Equal(3, top[0].Item);
    }

    [Fact]
    public void Fit_WithAnotherSeed_GivesOtherScores()
    {
        var train = TinyData.Random();
        var first = new Bpr();
        var second = new Bpr();
        first.Fit(train, new BprOptions { Factors = 4, Epochs = 5, Seed = 1 });
        second.Fit(train, new BprOptions { Factors = 4, Epochs = 5, Seed = 2 });
        var a = new float[3];
        var b = new float[3];

        first.Score(0, [0, 1, 2], a);
        second.Score(0, [0, 1, 2], b);

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void BlendTrainer_WithABprComponent_ServesPersonalisedLists()
    {
        var spec = BlendSpec.Default with
        {
            Components = [new ComponentSpec(ComponentKind.Bpr, 1, new Dictionary<string, string> { ["factors"] = "4", ["epochs"] = "50" })],
        };

        var list = ServingData.Fit(spec).Recommend("u1", 3);

        Assert.True(list.Personalised && list.Items.Count == 3);
    }

    /// <summary>Solves σ(−2b) = λb for b by bisection (the left side falls and the right rises in b).</summary>
    private static double StationaryBias(double lambda)
    {
        double low = 0, high = 1 / lambda;
        for (var step = 0; step < 60; step++)
        {
            var mid = (low + high) / 2;
            if (1 / (1 + Math.Exp(2 * mid)) > lambda * mid)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }
}
