using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class BlendTunerTests
{
    /// <summary>Popularity at full weight, item-kNN at zero: on clustered tastes item-kNN is clearly better.</summary>
    private static readonly BlendSpec PopularityHeavy = BlendSpec.Default with
    {
        Components = [new ComponentSpec(ComponentKind.Popularity, 1), new ComponentSpec(ComponentKind.ItemKnn, 0)],
        Normalization = Dashboard.Recommender.Blending.ScoreNormalization.Rank,
    };

    [Fact]
    public void Tune_WhenOneComponentIsClearlyBetter_PutsTheWeightThereAndRaisesNdcg()
    {
        var result = new BlendTuner().Tune(Clustered(20, _ => "b"), PopularityHeavy, null, CancellationToken.None);

        Assert.True(result.ChosenWeights[1] > result.ChosenWeights[0], $"Chosen weights: {string.Join(", ", result.ChosenWeights)}");
        Assert.True(result.ChosenNdcg > result.CurrentNdcg, $"NDCG {result.CurrentNdcg} → {result.ChosenNdcg}");
        Assert.Equal(1, result.ChosenWeights.Sum(), 6);
        Assert.Equal(20, result.ValidationUsers);
        Assert.Equal(10, result.K);
    }

    [Fact]
    public void Tune_TwiceOnTheSameData_ChoosesTheSame()
    {
        var first = new BlendTuner().Tune(Clustered(20, _ => "b"), PopularityHeavy, null, CancellationToken.None);
        var second = new BlendTuner().Tune(Clustered(20, _ => "b"), PopularityHeavy, null, CancellationToken.None);

        Assert.Equal(first.ChosenWeights, second.ChosenWeights);
        Assert.Equal(first.ChosenNdcg, second.ChosenNdcg);
        Assert.Equal(first.CurrentNdcg, second.CurrentNdcg);
    }

    [Fact]
    public void Tune_NeverSeesTheReportedTestPart_SoChangingItLeavesTheResultUnchanged()
    {
        // The last interaction of each end-user is the outer test part; here it goes to the other cluster.
        var original = new BlendTuner().Tune(Clustered(20, _ => "b"), PopularityHeavy, null, CancellationToken.None);
        var changedTest = new BlendTuner().Tune(Clustered(20, _ => "a"), PopularityHeavy, null, CancellationToken.None);

        Assert.Equal(original.ChosenWeights, changedTest.ChosenWeights);
        Assert.Equal(original.CurrentNdcg, changedTest.CurrentNdcg);
        Assert.Equal(original.ChosenNdcg, changedTest.ChosenNdcg);
    }

    [Fact]
    public void ValidationSplit_HoldsOutPartOfTheTrainingPartAndNothingOfTheTestPart()
    {
        var data = Clustered(20, _ => "b");
        var (train, test) = TimeSplit.Split(data);

        var (fit, validation) = BlendTuner.ValidationSplit(data);

        var testRows = Rows(test);
        Assert.NotEmpty(Rows(validation));
        Assert.Empty(Rows(validation).Intersect(testRows));
        Assert.Empty(Rows(fit).Intersect(testRows));
        Assert.Equal(Rows(train).Order(), Rows(fit).Concat(Rows(validation)).Order());
    }

    [Fact]
    public void Tune_WithTooFewEndUsers_SaysSoInASentence()
    {
        var error = Assert.Throws<InsufficientDataException>(
            () => new BlendTuner().Tune(Clustered(4, _ => "b"), PopularityHeavy, null, CancellationToken.None));

        Assert.Equal(
            "Tuning needs at least 5 end-users with enough history to hold some back for validation; this organisation has 4.",
            error.Message);
    }

    [Fact]
    public void Tune_WithOneComponent_Refuses()
    {
        Assert.Throws<ArgumentException>(
            () => new BlendTuner().Tune(Clustered(20, _ => "b"), BlendSpec.Default, null, CancellationToken.None));
    }

    [Fact]
    public void Tune_WhenCancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => new BlendTuner().Tune(Clustered(20, _ => "b"), PopularityHeavy, null, cancelled.Token));
    }

    [Fact]
    public void TunedWeights_Apply_ReplacesOnlyTheWeights()
    {
        var tuned = new TunedWeights([0.3, 0.7], 0.1, 0.2, 10, 5);

        var spec = tuned.Apply(PopularityHeavy);

        Assert.Equal([0.3, 0.7], spec.Components.Select(c => c.Weight));
        Assert.Equal(PopularityHeavy.Components.Select(c => c.Kind), spec.Components.Select(c => c.Kind));
        Assert.Equal(PopularityHeavy.Normalization, spec.Normalization);
    }

    /// <summary>
    /// Even end-users view books a1–a8, odd ones games b1–b8: six distinct items of their own cluster a
    /// day apart, then a last interaction with an item of <paramref name="lastCluster"/>'s cluster.
    /// Games are the more popular overall (as many fans buy just b1 and b2), so popularity misleads
    /// the book readers while item-kNN does not.
    /// </summary>
    private static TrainingData Clustered(int users, Func<int, string> lastCluster)
    {
        var builder = new TrainingDataBuilder();
        for (var u = 0; u < users; u++)
        {
            var cluster = u % 2 == 0 ? "a" : "b";
            var at = ServingData.Start.AddDays(u * 20);
            for (var k = 0; k < 6; k++)
            {
                var item = $"{cluster}{((u / 2) + (k * 3)) % 8 + 1}";
                builder.Add($"u{u}", item, k % 2 == 0 ? "view" : "purchase", 1, at.AddDays(k));
            }
        }

        // Added after every other event, so the ids' order (and hence every index) is the same whatever the last items are.
        for (var u = 0; u < users; u++)
        {
            builder.Add($"u{u}", $"{lastCluster(u)}{(u % 8) + 1}", "view", 1, ServingData.Start.AddDays((u * 20) + 10));
        }

        for (var extra = 0; extra < users; extra++)
        {
            builder.Add($"fan{extra}", "b1", "purchase", 1, ServingData.Start.AddDays(extra));
            builder.Add($"fan{extra}", "b2", "purchase", 1, ServingData.Start.AddDays(extra).AddHours(1));
        }

        return builder.Build();
    }

    private static List<(string User, string Item, long Ticks)> Rows(TrainingData data)
    {
        var rows = new List<(string, string, long)>();
        for (var r = 0; r < data.Count; r++)
        {
            rows.Add((data.EndUserIds[data.Users[r]], data.ItemIds[data.Items[r]], data.TimestampTicks[r]));
        }

        return rows;
    }
}
