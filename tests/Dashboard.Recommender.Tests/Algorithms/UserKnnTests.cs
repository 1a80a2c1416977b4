using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

public class UserKnnTests
{
    [Fact]
    public void Score_Implicit_IsSumOfCosineSimilaritiesOfUsersWhoHaveTheItem()
    {
        // Binary rows: u0 = {i0,i1}, u1 = {i0,i1,i2}, u2 = {i2,i3}.
        // cos(u0,u1) = 2/√(2·3) = 0.8165, cos(u0,u2) = 0; i2 is held by u1 and u2 → 0.8165.
        var train = TinyData.Build(3, 4, (0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1), (1, 2, 1), (2, 2, 1), (2, 3, 1));
        var model = new UserKnn();
        model.Fit(train, new KnnOptions { Feedback = FeedbackKind.Implicit, Shrinkage = 0 });
        var scores = new float[2];

        model.Score(0, [2, 3], scores);

        Assert.Equal(0.8165f, scores[0], 4);
        Assert.Equal(0f, scores[1]);
    }

    [Fact]
    public void Score_Explicit_WithoutNeighbourRatings_FallsBackToTheBaseline()
    {
        var train = TinyData.Build(3, 3, (0, 0, 5), (0, 1, 3), (1, 0, 4), (1, 2, 1), (2, 1, 2), (2, 2, 3));
        var baseline = new BaselineOptions { UserRegularization = 0, ItemRegularization = 0, Sweeps = 1 };
        var model = new UserKnn();
        model.Fit(train, new KnnOptions { Similarity = SimilarityMetric.Pearson, Shrinkage = 0, MinSupport = 5, Baseline = baseline });
        var scores = new float[1];

        // MinSupport 5 removes every neighbour: the prediction is μ + b_u0 + b_i2 = 3 + 1 − 0.5.
        model.Score(0, [2], scores);

        Assert.Equal(3.5f, scores[0], 5);
    }
}
