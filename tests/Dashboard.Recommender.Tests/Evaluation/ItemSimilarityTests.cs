using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Tests.Evaluation;

public class ItemSimilarityTests
{
    [Fact]
    public void CategoryCosine_SharedCategoryOverGeometricMeanOfCounts()
    {
        // {0, 1} vs {1}: one shared category / sqrt(2 · 1).
        var similarity = ItemSimilarity.CategoryCosine(ItemCategories.Create(2, [[0, 1], [1]]));
        Assert.Equal(1 / Math.Sqrt(2), similarity(0, 1), 10);
    }

    [Fact]
    public void CategoryCosine_ItemWithoutCategories_IsDissimilarToOthers()
    {
        var similarity = ItemSimilarity.CategoryCosine(ItemCategories.Create(1, [[0], []]));
        Assert.Equal(0.0, similarity(0, 1));
    }

    [Fact]
    public void VectorCosine_MatchesHandComputedValue()
    {
        // [1, 0] · [1, 1] / (1 · sqrt 2).
        var similarity = ItemSimilarity.VectorCosine([[1f, 0f], [1f, 1f]]);
        Assert.Equal(1 / Math.Sqrt(2), similarity(0, 1), 6);
    }

    [Fact]
    public void VectorCosine_OppositeVectors_ClipToZero()
    {
        var similarity = ItemSimilarity.VectorCosine([[1f, 0f], [-1f, 0f]]);
        Assert.Equal(0.0, similarity(0, 1));
    }
}
