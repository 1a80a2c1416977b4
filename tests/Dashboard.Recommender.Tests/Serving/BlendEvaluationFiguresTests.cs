using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

/// <summary>
/// The figures a version records beyond P/R/NDCG/MAP, on hand-made data with a popularity blend whose lists are known:
/// items a and b are books, c is a game; in training a is seen by 4 end-users, b and c by 3.
/// u3 (saw b) is served [a, c] and held out a; u4 (saw c) is served [a, b] and held out b.
/// </summary>
public class BlendEvaluationFiguresTests
{
    private static readonly BlendSpec PopularityOnly = BlendSpec.Default with { Components = [new ComponentSpec(ComponentKind.Popularity, 1)] };

    [Fact]
    public void Evaluate_IntraListDiversity_IsOneMinusTheCategoryCosineOfEachListAveraged()
    {
        var evaluation = Evaluate(PopularityOnly, evaluateComponents: false);

        // [a, c]: different categories, diversity 1; [a, b]: both books, diversity 0.
        Assert.Equal(0.5, evaluation.IntraListDiversity, 12);
    }

    [Fact]
    public void Evaluate_NdcgPerUser_GivesMeanSpreadAndCount()
    {
        var evaluation = Evaluate(PopularityOnly, evaluateComponents: false);

        // u3 finds a at rank 1 (NDCG 1), u4 finds b at rank 2 (NDCG 1/log₂3).
        var second = 1 / Math.Log2(3);
        Assert.NotNull(evaluation.NdcgPerUser);
        Assert.Equal((1 + second) / 2, evaluation.NdcgPerUser.Mean, 12);
        Assert.Equal((1 - second) / Math.Sqrt(2), evaluation.NdcgPerUser.StandardDeviation, 12);
        Assert.Equal(2, evaluation.NdcgPerUser.Count);
    }

    [Fact]
    public void Evaluate_WithoutCategories_HasNoDiversity()
    {
        var evaluation = new BlendTrainer().Evaluate(
            new BlendTrainer().Fit(Train(withCategories: false), PopularityOnly, null, CancellationToken.None), Test(), 2, null);

        Assert.True(double.IsNaN(evaluation.IntraListDiversity));
    }

    [Fact]
    public void Evaluate_WithoutComponents_LeavesThemOut()
    {
        Assert.Empty(Evaluate(PopularityOnly, evaluateComponents: false).Components!);
    }

    [Fact]
    public void Evaluate_WithComponents_ScoresEachAloneOnTheSameSplit()
    {
        var spec = BlendSpec.Default with
        {
            Components = [new ComponentSpec(ComponentKind.Popularity, 0.7), new ComponentSpec(ComponentKind.ItemKnn, 0.3)],
        };

        var evaluation = Evaluate(spec, evaluateComponents: true);

        Assert.Equal([ComponentKind.Popularity, ComponentKind.ItemKnn], evaluation.Components!.Select(c => c.Kind));
        var popularity = evaluation.Components![0];
        Assert.Equal(0.7, popularity.Weight);
        Assert.Equal(2, popularity.EvaluatedEndUsers);
        Assert.Equal((1 + (1 / Math.Log2(3))) / 2, popularity.Ndcg, 12);
        Assert.Equal(0.5, popularity.IntraListDiversity, 12);
        Assert.Null(popularity.Ratings);
    }

    [Fact]
    public void Evaluate_ARatingComponent_GetsRmseAndMaeOnTheHeldOutRatings()
    {
        // Every training rating is 4, so the rating model predicts 4 (to within its tiny random factors); held out are 3 and 5.
        var train = new TrainingDataBuilder();
        for (var u = 0; u < 4; u++)
        {
            for (var i = 0; i < 4; i++)
            {
                train.Add($"u{u}", $"i{i}", "rating", 4, ServingData.Start.AddDays(i));
            }
        }

        train.Add("u0", "i4", "view", 1, ServingData.Start);
        train.Add("u1", "i5", "view", 1, ServingData.Start);
        var test = new TrainingDataBuilder();
        test.Add("u0", "i5", "rating", 3, ServingData.Start.AddDays(9));
        test.Add("u1", "i4", "rating", 5, ServingData.Start.AddDays(9));
        var spec = BlendSpec.Default with
        {
            Components = [new ComponentSpec(ComponentKind.BiasedMf, 1, new Dictionary<string, string> { ["factors"] = "2", ["epochs"] = "5" })],
        };
        var trainer = new BlendTrainer();

        var evaluation = trainer.Evaluate(trainer.Fit(train.Build(), spec, null, CancellationToken.None), test.Build(), 2, null, evaluateComponents: true);

        var ratings = evaluation.Components![0].Ratings;
        Assert.NotNull(ratings);
        Assert.Equal(2, evaluation.HeldOutRatings);
        Assert.Equal(2, ratings.Scored);
        Assert.Equal(1, ratings.Rmse, 2);
        Assert.Equal(1, ratings.Mae, 2);
    }

    [Fact]
    public void Evaluate_WithoutHeldOutRatings_CountsNone()
    {
        Assert.Equal(0, Evaluate(PopularityOnly, evaluateComponents: true).HeldOutRatings);
    }

    private static BlendEvaluation Evaluate(BlendSpec spec, bool evaluateComponents)
    {
        var trainer = new BlendTrainer();
        return trainer.Evaluate(trainer.Fit(Train(withCategories: true), spec, null, CancellationToken.None), Test(), 2, null, evaluateComponents);
    }

    private static TrainingData Train(bool withCategories)
    {
        var builder = new TrainingDataBuilder();
        string[][] histories = [["a", "b"], ["c", "a"], ["b"], ["c"], ["a", "b"], ["a", "c"]];
        for (var u = 0; u < histories.Length; u++)
        {
            for (var k = 0; k < histories[u].Length; k++)
            {
                builder.Add($"u{u + 1}", histories[u][k], "view", 1, ServingData.Start.AddDays(k));
            }
        }

        builder.AddItem("a", "A", withCategories ? ["books"] : []);
        builder.AddItem("b", "B", withCategories ? ["books"] : []);
        builder.AddItem("c", "C", withCategories ? ["games"] : []);
        return builder.Build();
    }

    private static TrainingData Test()
    {
        var builder = new TrainingDataBuilder();
        builder.Add("u3", "a", "view", 1, ServingData.Start.AddDays(5));
        builder.Add("u4", "b", "view", 1, ServingData.Start.AddDays(5));
        return builder.Build();
    }
}
