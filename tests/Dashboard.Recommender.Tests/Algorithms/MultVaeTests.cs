using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Serving;
using Dashboard.Recommender.Tests.Serving;

namespace Dashboard.Recommender.Tests.Algorithms;

public class MultVaeTests
{
    [Fact]
    public void Recommend_RanksTheHeldOutCoOccurringItemFirst()
    {
        // Two communities: users 0–19 consume items 0–4, users 20–39 items 5–9. User 0 lacks item 3;
        // the other members of its community all have it, so it must top user 0's list.
        var ratings = new List<Rating>();
        for (var u = 0; u < 40; u++)
        {
            var first = u < 20 ? 0 : 5;
            for (var i = first; i < first + 5; i++)
            {
                if (!(u == 0 && i == 3))
                {
                    ratings.Add(new Rating(u, i, 1));
                }
            }
        }

        var train = InteractionMatrix.Build([.. ratings], 40, 10);
        var model = new MultVae();
        model.Fit(train, new MultVaeOptions { Hidden = 16, Latent = 4, Epochs = 150, BatchSize = 10, LearningRate = 0.01f });

        var top = model.Recommend(0, 1, item => !train.Contains(0, item));

        Assert.Equal(3, top[0].Item);
    }

    [Fact]
    public void Fit_WhenEveryUserHasTheSameItems_PredictsTheirEmpiricalShares()
    {
        // Every user has items 0, 1 and 2 of four, so every input (and code) looks alike and the
        // multinomial likelihood is maximised by the empirical distribution: a third on each of the
        // three items and nothing on item 3. The softmax of the scores must come close to that.
        var ratings = new List<Rating>();
        for (var u = 0; u < 20; u++)
        {
            for (var i = 0; i < 3; i++)
            {
                ratings.Add(new Rating(u, i, 1));
            }
        }

        var train = InteractionMatrix.Build([.. ratings], 20, 4);
        var model = new MultVae();
        model.Fit(train, new MultVaeOptions { Hidden = 4, Latent = 2, Epochs = 400, BatchSize = 20, LearningRate = 0.02f, Dropout = 0 });
        var scores = new float[4];

        model.Score(5, [0, 1, 2, 3], scores);

        var max = scores.Max();
        var exp = scores.Select(s => Math.Exp(s - max)).ToArray();
        var shares = exp.Select(e => e / exp.Sum()).ToArray();
        Assert.True(shares[..3].All(s => Math.Abs(s - (1.0 / 3)) < 0.05) && shares[3] < 0.05, string.Join(", ", shares));
    }

    [Fact]
    public void BlendTrainer_WithAMultVaeComponent_ServesPersonalisedLists()
    {
        var spec = BlendSpec.Default with
        {
            Components = [new ComponentSpec(ComponentKind.MultVae, 1, new Dictionary<string, string> { ["hidden"] = "8", ["latent"] = "4", ["epochs"] = "20" })],
        };

        var list = ServingData.Fit(spec).Recommend("u1", 3);

        Assert.True(list.Personalised && list.Items.Count == 3);
    }
}
