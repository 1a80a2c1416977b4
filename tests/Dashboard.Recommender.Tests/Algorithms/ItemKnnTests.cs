using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

public class ItemKnnTests
{
    // Binary columns: i0 = {u0,u1,u3}, i1 = {u0,u1,u2}, i2 = {u1,u2}.
    // cos(i0,i1) = 2/√(3·3) = 0.6667, cos(i0,i2) = 1/√(3·2) = 0.4082, cos(i1,i2) = 2/√(3·2) = 0.8165.
    private static readonly Dashboard.Recommender.Data.InteractionMatrix Train = TinyData.Build(
        4, 3, (0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1), (1, 2, 1), (2, 1, 1), (2, 2, 1), (3, 0, 1));

    [Fact]
    public void Score_Implicit_IsSumOfCosineSimilaritiesToTheUsersItems()
    {
        var model = new ItemKnn();
        model.Fit(Train, new KnnOptions { Feedback = FeedbackKind.Implicit, Shrinkage = 0 });
        var scores = new float[2];

        model.Score(3, [1, 2], scores);

        Assert.Equal(0.6667f, scores[0], 4);
        Assert.Equal(0.4082f, scores[1], 4);
    }

    [Fact]
    public void Score_Implicit_UsesOnlyTheKNearestRatedNeighbours()
    {
        var model = new ItemKnn();
        model.Fit(Train, new KnnOptions { Feedback = FeedbackKind.Implicit, Shrinkage = 0, Neighbors = 1 });
        var scores = new float[1];

        // u0 has i0 and i1; the single nearest of i2 among them is i1 (0.8165), not i0 too.
        model.Score(0, [2], scores);

        Assert.Equal(0.8165f, scores[0], 4);
    }

    [Fact]
    public void Score_Explicit_AddsSimilarityWeightedResidualsToTheBaseline()
    {
        // Zero regularisation and one sweep give μ = 3, b_u = (1, −0.5, −0.5), b_i = (1.25, −0.75, −0.5)
        // (see BaselineTests). u0 rated i0 (residual 5 − 5.25 = −0.25) and i1 (3 − 3.25 = −0.25): every
        // neighbour residual is −0.25, so the weighted mean is −0.25 whatever the similarities.
        var train = TinyData.Build(3, 3, (0, 0, 5), (0, 1, 3), (1, 0, 4), (1, 2, 1), (2, 1, 2), (2, 2, 3));
        var model = new ItemKnn();
        model.Fit(train, new KnnOptions
        {
            Shrinkage = 0,
            Baseline = new BaselineOptions { UserRegularization = 0, ItemRegularization = 0, Sweeps = 1 },
        });
        var scores = new float[1];

        model.Score(0, [2], scores);

        Assert.Equal(3.5f - 0.25f, scores[0], 4);
    }

    [Fact]
    public void Fit_MinSupport_DropsPairsWithTooFewCoRatings()
    {
        var model = new ItemKnn();
        model.Fit(Train, new KnnOptions { Feedback = FeedbackKind.Implicit, Shrinkage = 0, MinSupport = 2 });
        var scores = new float[1];

        // i0 and i2 share one user only, so u3 (who has only i0) gets nothing for i2.
        model.Score(3, [2], scores);

        Assert.Equal(0f, scores[0]);
    }

    [Theory]
    [InlineData(SimilarityMetric.Cosine)]
    [InlineData(SimilarityMetric.Pearson)]
    [InlineData(SimilarityMetric.AdjustedCosine)]
    public void Fit_OnFullyRatedItems_StoresTheDenseReferenceSimilarity(SimilarityMetric metric)
    {
        // Five users rate all three items, so co-rated and full vectors coincide and the sparse
        // computation must agree with the plain definitions in Similarity for items 0 and 1.
        float[] a = [4, 5, 2, 3, 4];
        float[] c = [5, 5, 1, 3, 4];
        float[] b = [1, 2, 5, 1, 2];
        var entries = new List<(int, int, float)>();
        for (var u = 0; u < a.Length; u++)
        {
            entries.Add((u, 0, a[u]));
            entries.Add((u, 1, c[u]));
            entries.Add((u, 2, b[u]));
        }

        var model = new ItemKnn();
        model.Fit(TinyData.Build(5, 3, [.. entries]), new KnnOptions { Similarity = metric, Shrinkage = 0 });

        var userMeans = a.Select((x, u) => (x + c[u] + b[u]) / 3f).ToArray();
        var expected = metric switch
        {
            SimilarityMetric.Cosine => Similarity.Cosine(a, c),
            SimilarityMetric.Pearson => Similarity.Pearson(a, c),
            _ => Similarity.AdjustedCosine(a, c, userMeans),
        };
        Assert.True(expected > 0);
        Assert.Equal(expected, model.StoredSimilarity(0, 1), 5);
    }
}
