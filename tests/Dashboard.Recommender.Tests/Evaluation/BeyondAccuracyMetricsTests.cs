using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Tests.Evaluation;

public class BeyondAccuracyMetricsTests
{
    // Popularity of items 0..4: 50 + 30 + 10 + 5 + 5 = 100 interactions.
    private static readonly int[] Popularity = [50, 30, 10, 5, 5];

    [Fact]
    public void Gini_OneItemTakesAllExposure_IsOneMinusOneOverN()
    {
        // Σ (2i − n − 1)·x₍ᵢ₎ / (n·Σx) = (2·4 − 5)·10 / (4·10) = 0.75.
        Assert.Equal(0.75, BeyondAccuracyMetrics.Gini([0, 0, 0, 10]), 10);
    }

    [Fact]
    public void Gini_EqualExposure_IsZero()
    {
        Assert.Equal(0.0, BeyondAccuracyMetrics.Gini([3, 3, 3]), 10);
    }

    [Fact]
    public void Gini_TwoOfFour_MatchesHandComputedValue()
    {
        // Sorted [0, 0, 1, 3]: (−3·0 − 1·0 + 1·1 + 3·3) / (4·4) = 10 / 16.
        Assert.Equal(0.625, BeyondAccuracyMetrics.Gini([3, 0, 1, 0]), 10);
    }

    [Fact]
    public void ExposureGini_CountsNeverShownItems()
    {
        Assert.Equal(0.75, BeyondAccuracyMetrics.ExposureGini([[3], [3]], 4), 10);
    }

    [Fact]
    public void CatalogCoverage_IsDistinctShownItemsOverCatalog()
    {
        Assert.Equal(0.3, BeyondAccuracyMetrics.CatalogCoverage([[0, 1], [1, 2]], 10), 10);
    }

    [Fact]
    public void LongTail_HeadIsSmallestPopularPrefixReachingShare()
    {
        // Threshold 0.6 · 100 = 60: item 0 (50) is not enough, items 0 + 1 (80) reach it.
        Assert.Equal([false, false, true, true, true], LongTail.Classify(Popularity, 0.6));
    }

    [Fact]
    public void LongTail_PopularityTies_BreakByLowerItemIndex()
    {
        // Total 20, threshold 0.6 · 20 = 12: item 3 (9) is not enough; items 1 and 2 tie at 5 and the
        // lower index joins the head, reaching 14.
        Assert.Equal([true, false, true, false], LongTail.Classify([1, 5, 5, 9], 0.6));
    }

    [Fact]
    public void AverageLongTailShare_MatchesHandComputedValue()
    {
        // Head share 20 %: threshold 20, item 0 (50) alone is the head. Lists: [0, 1] → 1/2, [2, 3] → 1.
        var isTail = LongTail.Classify(Popularity);
        Assert.Equal(0.75, BeyondAccuracyMetrics.AverageLongTailShare([[0, 1], [2, 3]], isTail), 10);
    }

    [Fact]
    public void AverageRecommendationPopularity_MatchesHandComputedValue()
    {
        // [0, 1] → (50 + 30) / 2 = 40; [2, 3] → (10 + 5) / 2 = 7.5; mean 23.75.
        Assert.Equal(23.75, BeyondAccuracyMetrics.AverageRecommendationPopularity([[0, 1], [2, 3]], Popularity), 10);
    }

    [Fact]
    public void Novelty_IsMeanSelfInformation()
    {
        // Population 8, popularity [8, 4, 2, 1]: [0, 1] → (0 + 1) / 2 = 0.5; [3] → 3; mean 1.75.
        Assert.Equal(1.75, BeyondAccuracyMetrics.Novelty([[0, 1], [3]], [8, 4, 2, 1], 8), 10);
    }

    [Fact]
    public void Novelty_ItemNobodySaw_CountsAsSeenOnce()
    {
        Assert.Equal(3.0, BeyondAccuracyMetrics.Novelty([4], [8, 4, 2, 1, 0], 8), 10);
    }

    [Fact]
    public void IntraListDiversity_IsOneMinusMeanPairwiseSimilarity()
    {
        // Items 0 and 1 share category 0, item 2 is in category 1: similarities 1, 0, 0 → 1 − 1/3.
        var categories = ItemCategories.FromSingle(2, [0, 0, 1]);
        var similarity = ItemSimilarity.CategoryCosine(categories);
        Assert.Equal(2.0 / 3, BeyondAccuracyMetrics.IntraListDiversity([0, 1, 2], similarity), 10);
    }

    [Fact]
    public void CategoryDistribution_SpreadsEachItemOverItsCategories()
    {
        // Item 0 in {0, 1} gives 0.5 to each; item 1 in {1} gives 1 → [0.5, 1.5] / 2 items.
        var categories = ItemCategories.Create(2, [[0, 1], [1]]);
        var distribution = new double[2];
        BeyondAccuracyMetrics.CategoryDistribution([0, 1], categories, distribution);
        Assert.Equal([0.25, 0.75], distribution);
    }

    [Fact]
    public void CalibrationKl_MatchesHandComputedValue()
    {
        // p = [0.5, 0.5], q = [1, 0], α = 0.01 → q̃ = [0.995, 0.005].
        // KL = 0.5·ln(0.5/0.995) + 0.5·ln(0.5/0.005) = −0.344068 + 2.302585 = 1.958518.
        Assert.Equal(1.958518, BeyondAccuracyMetrics.CalibrationKl([0.5, 0.5], [1, 0]), 6);
    }

    [Fact]
    public void CalibrationKl_ListMatchingHistory_IsZero()
    {
        Assert.Equal(0.0, BeyondAccuracyMetrics.CalibrationKl([0.2, 0.8], [0.2, 0.8]), 10);
    }
}
