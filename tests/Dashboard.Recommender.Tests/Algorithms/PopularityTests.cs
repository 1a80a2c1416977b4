using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Algorithms;

public class PopularityTests
{
    [Fact]
    public void Recommend_OrdersItemsByInteractionCount()
    {
        var train = TinyData.Build(3, 3, (0, 2, 1), (1, 2, 1), (2, 2, 1), (0, 0, 1), (1, 0, 1), (2, 1, 1));
        var model = new Popularity();
        model.Fit(train, new PopularityOptions());

        var top = model.Recommend(0, 3);

        Assert.Equal([2, 0, 1], top.Select(s => s.Item));
    }

    [Fact]
    public void Fit_WithHalfLife_WeighsAnInteractionOneHalfLifeOldByHalf()
    {
        const long day = 86_400;
        var ratings = new[]
        {
            new Rating(0, 0, 1, 10 * day),
            new Rating(1, 1, 1, 3 * day),
        };
        var train = InteractionMatrix.Build(ratings, 2, 2);
        var model = new Popularity();
        model.Fit(train, new PopularityOptions { HalfLifeDays = 7 });

        Assert.Equal([1f, 0.5f], model.ItemScores.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void Score_UnknownUser_GetsTheSameNonPersonalisedScores()
    {
        var train = TinyData.Build(2, 2, (0, 0, 1), (1, 0, 1), (1, 1, 1));
        var model = new Popularity();
        model.Fit(train, new PopularityOptions());
        var scores = new float[2];

        model.Score(-1, [0, 1], scores);

        Assert.Equal([2f, 1f], scores);
    }

    [Fact]
    public void Fit_WithUseValues_SumsInteractionValues()
    {
        var train = TinyData.Build(2, 2, (0, 0, 5), (1, 1, 1), (0, 1, 1));
        var model = new Popularity();
        model.Fit(train, new PopularityOptions { UseValues = true });

        Assert.Equal([5f, 2f], model.ItemScores.ToArray());
    }
}
