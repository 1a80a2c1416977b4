using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Reranking;

namespace Dashboard.Recommender.Tests.Evaluation;

public class TopNEvaluatorTests
{
    // Every user gets the same item scores 6 > 5 > ... > 1, so a list is "best items not in train".
    // Train: user 0 {0}, user 1 {1}, user 2 {0, 1}, user 3 {5}. With K = 2 the lists are
    // user 0 [1, 2], user 1 [0, 2], user 2 [2, 3], user 3 [0, 1].
    // Test: user 0 {1} hit at rank 1; user 1 {3} miss; user 2 {3, 4} hit at rank 2; user 3 {0} hit at rank 1.
    private static readonly FixedScoreRecommender Model = FixedScoreRecommender.SameForUsers("fixed", 4, 6, 5, 4, 3, 2, 1);

    private static readonly InteractionMatrix Train = InteractionMatrix.Build(
        [new(0, 0, 1), new(1, 1, 1), new(2, 0, 1), new(2, 1, 1), new(3, 5, 1)], 4, 6);

    private static readonly Rating[] Test = [new(0, 1, 5), new(1, 3, 2), new(2, 3, 4), new(2, 4, 5), new(3, 0, 3)];

    private static readonly TopNEvaluationOptions K2 = new(K: 2);

    private static TopNEvaluationResult Evaluate(Func<int, string>? groupOf = null) =>
        TopNEvaluator.Evaluate(Model, Train, Test, K2, groupOf);

    [Fact]
    public void Evaluate_ListsExcludeTrainingItems()
    {
        var lists = Evaluate().PerUser.Select(u => (u.User, u.List));
        Assert.Equal([(0, [1, 2]), (1, [0, 2]), (2, [2, 3]), (3, [0, 1])], lists);
    }

    [Fact]
    public void Evaluate_AccuracyMeans_MatchHandComputedValues()
    {
        // Per user (P, R, NDCG, AP, RR, hit):
        // 0: (.5, 1, 1, 1, 1, 1); 1: all 0; 3: (.5, 1, 1, 1, 1, 1);
        // 2: (.5, .5, (1/log2 3) / (1 + 1/log2 3) = 0.386853, (1/2) / 2 = .25, .5, 1).
        var r = Evaluate();
        Assert.Equal(
            [0.375, 0.625, 0.596713, 0.5625, 0.625, 0.75],
            [r.Precision, r.Recall, Math.Round(r.Ndcg, 6), r.Map, r.Mrr, r.HitRate]);
    }

    [Fact]
    public void Evaluate_ExposureMetrics_MatchHandComputedValues()
    {
        // Shown items {0, 1, 2, 3} of 6 → coverage 4/6. Exposure [2, 2, 3, 1, 0, 0] sorted
        // [0, 0, 1, 2, 2, 3]: Σ (2i − 7)·x = −1 + 2 + 6 + 15 = 22 → Gini 22 / (6·8) = 0.458333.
        var r = Evaluate();
        Assert.Equal([4.0 / 6, 0.458333], [r.CatalogCoverage, Math.Round(r.ExposureGini, 6)]);
    }

    [Fact]
    public void Evaluate_WithRelevanceThreshold_SkipsUsersWithoutRelevantItems()
    {
        // Threshold 4 leaves user 0 {1}, user 2 {3, 4}; users 1 (rating 2) and 3 (rating 3) drop out.
        var r = TopNEvaluator.Evaluate(Model, Train, Test, K2 with { RelevanceThreshold = 4 });
        Assert.Equal([0, 2], r.PerUser.Select(u => u.User));
    }

    [Fact]
    public void Evaluate_PerGroupMetrics_SplitUsersIntoGroups()
    {
        // Group a = users {0, 1}, b = users {2, 3}: NDCG a = (1 + 0) / 2, b = (0.386853 + 1) / 2.
        var groups = Evaluate(u => u < 2 ? "a" : "b").Groups!.Groups;
        Assert.Equal(
            [("a", 2, 0.5), ("b", 2, 0.693426)],
            groups.Select(g => (g.Group, g.UserCount, Math.Round(g.Ndcg, 6))));
    }

    [Fact]
    public void Evaluate_GroupDisparity_ReportsGapAndRatio()
    {
        // Hit rate: a = 1/2, b = 1 → gap 0.5, ratio 0.5.
        var hitRate = Evaluate(u => u < 2 ? "a" : "b").Groups!.Disparities.Single(d => d.Metric == "HitRate");
        Assert.Equal(("b", "a", 0.5, 0.5), (hitRate.MaxGroup, hitRate.MinGroup, hitRate.Gap, hitRate.Ratio));
    }

    [Fact]
    public void Evaluate_DictionaryGrouping_PutsMissingUsersInUnassigned()
    {
        var lookup = new Dictionary<int, string> { [0] = "a", [1] = "a" };
        var r = TopNEvaluator.Evaluate(Model, Train, Test, K2, lookup);
        Assert.Equal(["(unassigned)", "a"], r.Groups!.Groups.Select(g => g.Group));
    }

    [Fact]
    public void Evaluate_WithCategories_ComputesCalibration()
    {
        // Every item in one category: history and list distributions are identical → KL 0.
        var categories = ItemCategories.FromSingle(1, [0, 0, 0, 0, 0, 0]);
        var r = TopNEvaluator.Evaluate(Model, Train, Test, K2 with { Categories = categories });
        Assert.Equal(0.0, r.CalibrationKl, 10);
    }

    [Fact]
    public void Evaluate_WithoutSimilarity_LeavesDiversityUndefined()
    {
        Assert.True(double.IsNaN(Evaluate().IntraListDiversity));
    }

    [Fact]
    public void Evaluate_ListSource_MeasuresReRankedLists()
    {
        // Pinning item 3 first turns user 1's miss into a hit; users 0 and 3 lose their rank-1 hit
        // to rank 2 but still hit, and user 2 already had item 3. Hit rate goes from 0.75 to 1.
        var pipeline = new RerankPipeline([new PinRule(3, 1)]);
        var r = TopNEvaluator.Evaluate(
            (user, n, allow) => pipeline.Apply(Model.Recommend(user, 6, allow), new RerankContext(user, n)),
            Train,
            Test,
            K2);
        Assert.Equal(1.0, r.HitRate);
    }

    [Fact]
    public void Evaluate_ListSourceReturningMoreThanK_IsCutToK()
    {
        var r = TopNEvaluator.Evaluate((user, _, allow) => Model.Recommend(user, 6, allow), Train, Test, K2);
        Assert.All(r.PerUser, u => Assert.Equal(2, u.List.Length));
    }

    [Fact]
    public void Evaluate_TestItemAlsoInTrain_IsNotRelevant()
    {
        // User 0 re-interacted with training item 0: it cannot be recommended, so only item 1 counts.
        Rating[] test = [new(0, 0, 5), new(0, 1, 5)];
        Assert.Equal(1, TopNEvaluator.Evaluate(Model, Train, test, K2).PerUser.Single().RelevantCount);
    }

    [Fact]
    public void Evaluate_WithoutTestUsers_ReportsUndefinedAccuracy()
    {
        var r = TopNEvaluator.Evaluate(Model, Train, [], K2);
        Assert.True(r.UserCount == 0 && double.IsNaN(r.Ndcg));
    }
}
