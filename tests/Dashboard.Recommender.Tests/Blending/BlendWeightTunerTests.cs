using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Tests.Evaluation;

namespace Dashboard.Recommender.Tests.Blending;

public class BlendWeightTunerTests
{
    // Two users, each with item 3 in train (scored lowest by everyone so it only anchors the ranks).
    private static readonly InteractionMatrix Train = InteractionMatrix.Build([new(0, 3, 1), new(1, 3, 1)], 2, 4);

    // Validation: user 0 wants item 0, user 1 wants item 1.
    private static readonly Rating[] Validation = [new(0, 0, 1), new(1, 1, 1)];

    // A: item 0 first for both users (right for user 0 only). Ranks over [0..3]: [1, 2/3, 1/3, 0].
    private static readonly FixedScoreRecommender A = FixedScoreRecommender.SameForUsers("a", 2, 1f, 0.5f, 0f, -1f);

    // B: user 0 → item 2 first (ranks [2/3, 1/3, 1, 0]), user 1 → item 1 first (ranks [1/3, 1, 2/3, 0]).
    private static readonly FixedScoreRecommender B = new("b", 4, new Dictionary<int, float[]>
    {
        [0] = [0.5f, 0f, 1f, -1f],
        [1] = [0f, 1f, 0.5f, -1f],
    });

    private static readonly BlendTuningOptions TopOne = new(K: 1, CandidatePoolSize: 3);

    private static double WeightOf(BlendTuningResult result, string name) =>
        result.Components.Single(c => c.Recommender.Name == name).Weight;

    [Fact]
    public void Tune_ComplementaryComponents_BlendBeatsBestSingle()
    {
        // Alone, A and B each get one of the two users right: NDCG@1 = 0.5. With weights (wA, wB),
        // user 0 ranks item 0 first iff wA > wB / 2 and user 1 ranks item 1 first iff wB > wA / 2,
        // so any wA in (1/3, 2/3) gets both right.
        var result = BlendWeightTuner.Tune([A, B], Train, Validation, TopOne);
        Assert.Equal((0.5, 1.0, 0.5), (result.BestSingleNdcg, result.BlendNdcg, result.Gain));
    }

    [Fact]
    public void Tune_ComplementaryComponents_ChoosesWeightsInsideTheWinningRegion()
    {
        // Grid order visits wA = 1, 0.9, ...; the first point inside (1/3, 2/3) is wA = 0.6.
        var result = BlendWeightTuner.Tune([A, B], Train, Validation, TopOne);
        Assert.Equal((0.6, 0.4), (WeightOf(result, "a"), WeightOf(result, "b")), new WeightComparer());
    }

    [Fact]
    public void Tune_FavoursTheComponentMatchingTheValidationData()
    {
        // "oracle" ranks each user's validation item first; "noise" prefers item 2 for everyone.
        var oracle = new FixedScoreRecommender("oracle", 4, new Dictionary<int, float[]>
        {
            [0] = [1f, 0f, 0f, -1f],
            [1] = [0f, 1f, 0f, -1f],
        });
        var noise = FixedScoreRecommender.SameForUsers("noise", 2, 0f, 0.1f, 1f, -1f);

        var result = BlendWeightTuner.Tune([noise, oracle], Train, Validation, TopOne);

        Assert.True(WeightOf(result, "oracle") > WeightOf(result, "noise"), $"oracle {WeightOf(result, "oracle")}");
    }

    [Fact]
    public void Tune_ReportsEachComponentAlone()
    {
        var result = BlendWeightTuner.Tune([A, B], Train, Validation, TopOne);
        Assert.Equal([("a", 0.5), ("b", 0.5)], result.ComponentNdcg.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public void Tune_SkipsValidationUsersWithoutHistory()
    {
        Rating[] withColdUser = [.. Validation, new(5, 0, 1)];
        Assert.Equal(2, BlendWeightTuner.Tune([A, B], Train, withColdUser, TopOne).UserCount);
    }

    [Fact]
    public void Tune_GridTooLarge_Throws()
    {
        IRecommender[] many = [.. Enumerable.Range(0, 6).Select(i => FixedScoreRecommender.SameForUsers($"m{i}", 2, 0, 0, 0, 0))];
        Assert.Throws<ArgumentException>(() => BlendWeightTuner.Tune(many, Train, Validation, TopOne with { MaxCandidates = 100 }));
    }

    [Fact]
    public void CreateBlend_ReproducesTheTunedRanking()
    {
        var blend = BlendWeightTuner.Tune([A, B], Train, Validation, TopOne).CreateBlend(Train);
        Assert.Equal([0, 1], new[] { 0, 1 }.Select(u => blend.Recommend(u, 1, item => !Train.Contains(u, item))[0].Item));
    }

    private sealed class WeightComparer : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) < 1e-9 && Math.Abs(x.Item2 - y.Item2) < 1e-9;

        public int GetHashCode((double, double) obj) => 0;
    }
}
