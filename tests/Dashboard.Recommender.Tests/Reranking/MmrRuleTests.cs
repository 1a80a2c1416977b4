using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Reranking;
using static Dashboard.Recommender.Tests.Reranking.RerankPipelineTests;

namespace Dashboard.Recommender.Tests.Reranking;

public class MmrRuleTests
{
    // Scores 1.0, 0.9, 0.8, 0.7 scale to relevance 1, 2/3, 1/3, 0. Items 0, 1, 2 share category 0; item 3 is alone.
    private static readonly Func<int, int, double> Similarity =
        ItemSimilarity.CategoryCosine(ItemCategories.FromSingle(2, [0, 0, 0, 1]));

    [Fact]
    public void Apply_LambdaOne_KeepsScoreOrder()
    {
        Assert.Equal([0, 1, 2, 3], Run(Descending(4), 4, new MmrRule(Similarity, 1)));
    }

    [Fact]
    public void Apply_LambdaZero_PicksTheDissimilarItemSecond()
    {
        // Step 1: nothing picked, all penalties 0 → tie, the earliest (item 0) wins.
        // Step 2: items 1, 2 have similarity 1 to item 0, item 3 has 0 → item 3.
        Assert.Equal([0, 3], Run(Descending(4), 2, new MmrRule(Similarity, 0)));
    }

    [Fact]
    public void Apply_HighLambda_PrefersRelevanceOverDiversity()
    {
        // λ = 0.8, step 2: item 1 = 0.8·2/3 − 0.2·1 = 0.333; item 3 = 0.8·0 − 0 = 0 → item 1.
        Assert.Equal([0, 1], Run(Descending(4), 2, new MmrRule(Similarity, 0.8)));
    }

    [Fact]
    public void Apply_MidLambda_TradesRelevanceForDiversity()
    {
        // λ = 0.5, step 2: item 1 = 0.5·2/3 − 0.5 = −0.167; item 3 = 0 → item 3.
        Assert.Equal([0, 3], Run(Descending(4), 2, new MmrRule(Similarity, 0.5)));
    }
}
