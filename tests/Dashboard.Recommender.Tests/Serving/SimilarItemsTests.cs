using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class SimilarItemsTests
{
    // Users {x, y}, {x, y, z}, {z, w}, {v, w}: cos(x, y) = 2 / √(2·2) = 1, cos(x, z) = 1 / √(2·2) = 0.5,
    // x shares no end-user with w or v.
    private static BlendModel Fit()
    {
        var builder = new TrainingDataBuilder();
        var t = ServingData.Start;
        foreach (var (user, item) in new[] { ("p", "x"), ("p", "y"), ("q", "x"), ("q", "y"), ("q", "z"), ("r", "z"), ("r", "w"), ("s", "v"), ("s", "w") })
        {
            builder.Add(user, item, "view", 1, t = t.AddMinutes(1));
        }

        var spec = BlendSpec.Default with { Components = [new ComponentSpec(ComponentKind.ItemKnn, 1)] };
        return new BlendTrainer().Fit(builder.Build(), spec, null, CancellationToken.None);
    }

    [Fact]
    public void SimilarItems_AreRankedByTheCosineOfTheirEndUsers()
    {
        var similar = Fit().SimilarItems("x", 10);

        Assert.Equal(["y", "z"], similar.Select(s => s.ItemId));
        Assert.Equal(1.0, similar[0].Score, 5);
        Assert.Equal(0.5, similar[1].Score, 5);
        Assert.All(similar, s => Assert.Equal(DataBasis.ItemToItem, s.Explanation.Basis));
    }

    [Fact]
    public void SimilarItems_OfAnUnknownItem_IsEmpty()
    {
        Assert.Empty(Fit().SimilarItems("nope", 5));
    }
}
