using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

public class BaselineTests
{
    [Fact]
    public void Fit_OneUnregularisedSweep_GivesHandComputedBiases()
    {
        // μ = 18/6 = 3. Users first: b_u0 = (2 + 0)/2 = 1, b_u1 = (1 − 2)/2 = −0.5, b_u2 = (−1 + 0)/2 = −0.5.
        // Then items: b_i0 = ((5−3−1) + (4−3+0.5))/2 = 1.25, b_i1 = ((3−3−1) + (2−3+0.5))/2 = −0.75,
        // b_i2 = ((1−3+0.5) + (3−3+0.5))/2 = −0.5.
        var train = TinyData.Build(3, 3, (0, 0, 5), (0, 1, 3), (1, 0, 4), (1, 2, 1), (2, 1, 2), (2, 2, 3));
        var model = new Baseline();
        model.Fit(train, new BaselineOptions { UserRegularization = 0, ItemRegularization = 0, Sweeps = 1 });

        Assert.Equal(3f, model.GlobalMean);
        Assert.Equal([1f, -0.5f, -0.5f], model.UserBiases.ToArray());
        Assert.Equal([1.25f, -0.75f, -0.5f], model.ItemBiases.ToArray());
    }

    [Fact]
    public void Score_IsMeanPlusUserAndItemBias()
    {
        var train = TinyData.Build(3, 3, (0, 0, 5), (0, 1, 3), (1, 0, 4), (1, 2, 1), (2, 1, 2), (2, 2, 3));
        var model = new Baseline();
        model.Fit(train, new BaselineOptions { UserRegularization = 0, ItemRegularization = 0, Sweeps = 1 });
        var score = new float[1];

        model.Score(0, [2], score);

        Assert.Equal(3.5f, score[0], 5);
    }
}
