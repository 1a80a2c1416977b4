using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Tests.Evaluation;

public class RankingMetricsTests
{
    // Ranked list 1..5; relevant {2, 4, 9}: hits at ranks 2 and 4, item 9 never recommended.
    private static readonly int[] Ranked = [1, 2, 3, 4, 5];
    private static readonly HashSet<int> Relevant = [2, 4, 9];

    [Fact]
    public void PrecisionAt5_CountsHitsOverK()
    {
        Assert.Equal(2.0 / 5, RankingMetrics.PrecisionAt(Ranked, Relevant, 5), 10);
    }

    [Fact]
    public void PrecisionAt_ShortList_StillDividesByK()
    {
        Assert.Equal(1.0 / 5, RankingMetrics.PrecisionAt([2], Relevant, 5), 10);
    }

    [Fact]
    public void RecallAt5_CountsHitsOverRelevantCount()
    {
        Assert.Equal(2.0 / 3, RankingMetrics.RecallAt(Ranked, Relevant, 5), 10);
    }

    [Fact]
    public void NdcgAt5_MatchesHandComputedValue()
    {
        // DCG = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677 = 1.061606
        // IDCG (3 relevant, k = 5) = 1 + 1/log2(3) + 1/log2(4) = 2.130930 → NDCG = 0.498189.
        Assert.Equal(0.498189, RankingMetrics.NdcgAt(Ranked, Relevant, 5), 6);
    }

    [Fact]
    public void NdcgAt_PerfectList_IsOne()
    {
        Assert.Equal(1.0, RankingMetrics.NdcgAt([4, 2, 9, 7], Relevant, 3), 10);
    }

    [Fact]
    public void GradedNdcgAt3_MatchesHandComputedValue()
    {
        // Grades {1: 1, 3: 3, 7: 2}. DCG of [1, 2, 3] = 1/1 + 0 + 3/log2(4) = 2.5.
        // Ideal [3, 2, 1] = 3/1 + 2/log2(3) + 1/log2(4) = 3 + 1.261860 + 0.5 = 4.761860 → 0.525005.
        var grades = new Dictionary<int, double> { [1] = 1, [3] = 3, [7] = 2 };
        Assert.Equal(0.525005, RankingMetrics.GradedNdcgAt([1, 2, 3], grades, 3), 6);
    }

    [Fact]
    public void AveragePrecisionAt5_NormalisesByMinOfKAndRelevant()
    {
        // Precision at the hits: 1/2 (rank 2) and 2/4 (rank 4); sum 1.0 / min(5, 3) = 1/3.
        Assert.Equal(1.0 / 3, RankingMetrics.AveragePrecisionAt(Ranked, Relevant, 5), 10);
    }

    [Fact]
    public void AveragePrecisionAt_PerfectListShorterThanRelevantSet_IsOne()
    {
        // k = 2 < |relevant| = 3: two hits at ranks 1, 2 → (1 + 1) / min(2, 3) = 1.
        Assert.Equal(1.0, RankingMetrics.AveragePrecisionAt([2, 4], Relevant, 2), 10);
    }

    [Fact]
    public void ReciprocalRank_IsOneOverRankOfFirstHit()
    {
        Assert.Equal(0.5, RankingMetrics.ReciprocalRankAt(Ranked, Relevant, 5), 10);
    }

    [Fact]
    public void ReciprocalRank_HitBeyondK_IsZero()
    {
        Assert.Equal(0.0, RankingMetrics.ReciprocalRankAt(Ranked, Relevant, 1));
    }

    [Fact]
    public void HitRate_IsOneWithAHitAndZeroWithout()
    {
        Assert.Equal([1.0, 0.0], [RankingMetrics.HitRateAt(Ranked, Relevant, 5), RankingMetrics.HitRateAt(Ranked, Relevant, 1)]);
    }

    [Fact]
    public void Metrics_WithNoRelevantItems_AreNaN()
    {
        Assert.True(double.IsNaN(RankingMetrics.NdcgAt(Ranked, new HashSet<int>(), 5)));
    }
}
