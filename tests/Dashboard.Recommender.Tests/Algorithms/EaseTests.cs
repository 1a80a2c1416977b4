using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

public class EaseTests
{
    // Users {0,1}, {1,2}, {0,1,2}: XᵀX + I = [[3,2,1],[2,4,2],[1,2,3]], determinant 16, so
    // P = [[0.5,−0.25,0],[−0.25,0.5,−0.25],[0,−0.25,0.5]] and B_ij = −P_ij / P_jj:
    // B01 = B10 = B12 = B21 = 0.5, B02 = B20 = 0.
    private static readonly Dashboard.Recommender.Data.InteractionMatrix Train =
        TinyData.Build(3, 3, (0, 0, 1), (0, 1, 1), (1, 1, 1), (1, 2, 1), (2, 0, 1), (2, 1, 1), (2, 2, 1));

    [Fact]
    public void Fit_GivesTheClosedFormWeights()
    {
        var model = new Ease();
        model.Fit(Train, new EaseOptions { Lambda = 1 });

        Assert.Equal(0.5f, model.Weight(0, 1), 5);
        Assert.Equal(0.5f, model.Weight(2, 1), 5);
        Assert.Equal(0f, model.Weight(0, 2), 5);
        Assert.Equal(0f, model.Weight(1, 1));
    }

    [Fact]
    public void Score_IsTheSumOfTheWeightsFromTheUsersItems()
    {
        var model = new Ease();
        model.Fit(Train, new EaseOptions { Lambda = 1 });
        var scores = new float[1];

        // u0 has items 0 and 1: B02 + B12 = 0 + 0.5.
        model.Score(0, [2], scores);

        Assert.Equal(0.5f, scores[0], 5);
    }
}
