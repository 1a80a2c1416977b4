using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Tests.Evaluation;

namespace Dashboard.Recommender.Tests.Blending;

public class WeightedBlendTests
{
    // Users 0 and 1 have history (item 3); user 2 has none. Catalogue of 4 items.
    private static readonly InteractionMatrix History = InteractionMatrix.Build([new(0, 3, 1), new(1, 3, 1)], 3, 4);

    private static readonly FixedScoreRecommender A = FixedScoreRecommender.SameForUsers("a", 3, 1, 2, 3, 0);
    private static readonly FixedScoreRecommender B = FixedScoreRecommender.SameForUsers("b", 3, 3, 3, 6, 0);
    private static readonly FixedScoreRecommender Popular = FixedScoreRecommender.SameForUsers("popular", 3, 0, 9, 1, 5);

    private static WeightedBlend Blend(ScoreNormalization normalization, double weightA = 0.5, double weightB = 0.5, IRecommender? fallback = null) =>
        new([new BlendComponent(A, weightA), new BlendComponent(B, weightB)], History, normalization, fallback);

    private static float[] ScoresOf(WeightedBlend model, int user, params int[] items)
    {
        var scores = new float[items.Length];
        model.Score(user, items, scores);
        return scores;
    }

    [Fact]
    public void Score_ZScore_AveragesStandardisedScores()
    {
        // A over the catalogue [1, 2, 3, 0]: mean 1.5, population std sqrt(1.25) → item 2 = 1.5 / 1.118034 = 1.341641.
        // B [3, 3, 6, 0]: mean 3, std sqrt(4.5) → item 2 = 3 / 2.121320 = 1.414214. Equal weights → 1.377927.
        Assert.Equal(1.377927, ScoresOf(Blend(ScoreNormalization.ZScore), 0, 2)[0], 5);
    }

    [Fact]
    public void Score_Rank_GivesTiesTheirAverageRank()
    {
        // B alone: [3, 3, 6, 0] sorted [0, 3, 3, 6]; the tied items 0, 1 share ranks 2 and 3 → (2.5 − 1) / 3 = 0.5.
        Assert.Equal([0.5f, 0.5f, 1f, 0f], ScoresOf(Blend(ScoreNormalization.Rank, 0, 1), 0, 0, 1, 2, 3));
    }

    [Fact]
    public void Score_UnknownItem_IsNaN()
    {
        Assert.True(float.IsNaN(ScoresOf(Blend(ScoreNormalization.Rank), 0, 17)[0]));
    }

    [Fact]
    public void Score_ComponentThatCannotScore_DropsOutOfTheAverage()
    {
        // "known-to-0" scores only user 0; for user 1 the blend is A alone: rank of item 2 in A = 1.
        var partial = new FixedScoreRecommender("known-to-0", 4, new Dictionary<int, float[]> { [0] = [0, 0, 0, 0] });
        var blend = new WeightedBlend([new BlendComponent(A, 0.5), new BlendComponent(partial, 0.5)], History);
        Assert.Equal(1f, ScoresOf(blend, 1, 2)[0]);
    }

    [Fact]
    public void Recommend_ReturnsTopItemsByBlendedScore()
    {
        // Ranks: A [1/3, 2/3, 1, 0], B [0.5, 0.5, 1, 0] → blend [0.4167, 0.5833, 1, 0].
        Assert.Equal([2, 1, 0], Blend(ScoreNormalization.Rank).Recommend(0, 3).Select(s => s.Item));
    }

    [Fact]
    public void RecommendWithExplanations_ContributionsSumToBlendedScore()
    {
        var explained = Blend(ScoreNormalization.ZScore, 0.3, 0.7).RecommendWithExplanations(0, 3);
        Assert.All(explained, e => Assert.Equal(e.Score, e.Contributions.Sum(c => c.Contribution), 5));
    }

    [Fact]
    public void RecommendWithExplanations_ReportsEachComponentsRawAndNormalisedScore()
    {
        var top = Blend(ScoreNormalization.Rank, 0.25, 0.75).RecommendWithExplanations(0, 1)[0];
        Assert.Equal(
            [new ComponentContribution("a", 3, 1, 0.25, 0.25), new ComponentContribution("b", 6, 1, 0.75, 0.75)],
            top.Contributions);
    }

    [Fact]
    public void Explain_KeepsTheGivenOrderOfAReRankedList()
    {
        var explained = Blend(ScoreNormalization.Rank).Explain(0, [0, 2]);
        Assert.Equal([0, 2], explained.Select(e => e.Item));
    }

    [Fact]
    public void Explain_MatchesTheBlendedScore()
    {
        // Item 0: A rank 1/3, B rank 0.5 → (1/3 + 0.5) / 2 = 0.416667.
        Assert.Equal(0.416667, Blend(ScoreNormalization.Rank).Explain(0, [0])[0].Score, 5);
    }

    [Fact]
    public void Recommend_UserWithoutHistory_GetsFallbackItems()
    {
        var blend = Blend(ScoreNormalization.Rank, fallback: Popular);
        Assert.Equal([1, 3], blend.Recommend(2, 2).Select(s => s.Item));
    }

    [Fact]
    public void RecommendWithExplanations_UserWithoutHistory_CreditsTheFallback()
    {
        var blend = Blend(ScoreNormalization.Rank, fallback: Popular);
        Assert.Equal(["popular"], blend.RecommendWithExplanations(2, 1)[0].Contributions.Select(c => c.Component));
    }

    [Fact]
    public void Recommend_RespectsAllowFilter()
    {
        Assert.Equal([1, 0], Blend(ScoreNormalization.Rank).Recommend(0, 2, item => item != 2).Select(s => s.Item));
    }

    [Fact]
    public void SaveThenLoad_RestoresWeightsNormalisationAndFallback()
    {
        var original = Blend(ScoreNormalization.ZScore, 0.2, 0.8, Popular);
        using var stream = new MemoryStream();
        original.Save(stream);
        stream.Position = 0;

        var loaded = WeightedBlend.Load(stream, [B, A], History, Popular);

        Assert.Equal(Describe(original), Describe(loaded));
    }

    private static string Describe(WeightedBlend blend) =>
        $"{blend.Normalization}; {string.Join(", ", blend.Components.Select(c => $"{c.Recommender.Name}={c.Weight:R}"))}; fallback {blend.Fallback?.Name}";

    [Fact]
    public void SaveThenLoad_ScoresLikeTheOriginal()
    {
        var original = Blend(ScoreNormalization.ZScore, 0.2, 0.8, Popular);
        using var stream = new MemoryStream();
        original.Save(stream);
        stream.Position = 0;

        var loaded = WeightedBlend.Load(stream, [A, B], History, Popular);

        Assert.Equal(ScoresOf(original, 0, 0, 1, 2, 3), ScoresOf(loaded, 0, 0, 1, 2, 3));
    }

    [Fact]
    public void Load_WithMissingComponent_Throws()
    {
        using var stream = new MemoryStream();
        Blend(ScoreNormalization.Rank).Save(stream);
        stream.Position = 0;
        Assert.Throws<InvalidDataException>(() => WeightedBlend.Load(stream, [A], History));
    }

    [Fact]
    public void Constructor_AllZeroWeights_Throws()
    {
        Assert.Throws<ArgumentException>(() => Blend(ScoreNormalization.Rank, 0, 0));
    }
}
