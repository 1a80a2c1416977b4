using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class BlendTrainerTests
{
    [Fact]
    public void Fit_WithOneActiveEndUser_ExplainsInASentence()
    {
        var builder = new TrainingDataBuilder();
        builder.Add("only", "a", "view", 1, ServingData.Start);
        builder.Add("only", "b", "view", 1, ServingData.Start.AddHours(1));
        builder.Add("once", "a", "view", 1, ServingData.Start);

        var error = Assert.Throws<InsufficientDataException>(
            () => new BlendTrainer().Fit(builder.Build(), BlendSpec.Default, null, CancellationToken.None));

        Assert.Equal("Training needs at least 2 end-users with 2 or more interactions; this organisation has 1.", error.Message);
    }

    [Fact]
    public void Fit_WithNoInteractions_ExplainsInASentence()
    {
        var error = Assert.Throws<InsufficientDataException>(
            () => new BlendTrainer().Fit(new TrainingDataBuilder().Build(), BlendSpec.Default, null, CancellationToken.None));

        Assert.EndsWith("this organisation has 0.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_WithAnInvalidSpec_RefusesWithTheField()
    {
        var spec = BlendSpec.Default with { ListSize = 0 };

        var error = Assert.Throws<ArgumentException>(() => new BlendTrainer().Fit(ServingData.Shop(), spec, null, CancellationToken.None));

        Assert.Contains("ListSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_WhenCancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => new BlendTrainer().Fit(ServingData.Shop(), ServingData.TinySpec, null, cancelled.Token));
    }

    [Fact]
    public void Fit_ReportsEveryComponentStageAndEndsAtOne()
    {
        var reports = new List<TrainingProgress>();

        new BlendTrainer().Fit(ServingData.Shop(), ServingData.TinySpec, new SynchronousProgress(reports.Add), CancellationToken.None);

        Assert.Contains(reports, r => r.Stage.Contains("EASE", StringComparison.Ordinal));
        Assert.Contains(reports, r => r.Stage.Contains("implicit ALS", StringComparison.Ordinal));
        Assert.Equal(1, reports[^1].Fraction);
        Assert.Equal(reports.Select(r => r.Fraction).Order(), reports.Select(r => r.Fraction));
    }

    [Fact]
    public void Evaluate_OnTheTimeSplit_GivesMetricsAndGroupsPerAttribute()
    {
        var (train, test) = TimeSplit.Split(ServingData.Shop());
        var trainer = new BlendTrainer();
        var model = trainer.Fit(train, ServingData.TinySpec, null, CancellationToken.None);
        var attributes = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["u1"] = new Dictionary<string, string> { ["gender"] = "f" },
            ["u5"] = new Dictionary<string, string> { ["gender"] = "m" },
        };

        var evaluation = trainer.Evaluate(model, test, 2, attributes);

        Assert.Equal(8, evaluation.EvaluatedEndUsers);
        Assert.InRange(evaluation.Ndcg, 0.01, 1);
        Assert.InRange(evaluation.CatalogCoverage, 0.01, 1);
        var gender = evaluation.Groups["gender"];
        Assert.Equal(["(unassigned)", "f", "m"], gender.Groups.Select(g => g.Group).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(ComponentKind.BiasedMf)]
    [InlineData(ComponentKind.SvdPlusPlus)]
    [InlineData(ComponentKind.BayesianMf)]
    public void Fit_WithRatings_TrainsTheRatingModel(ComponentKind kind)
    {
        var builder = new TrainingDataBuilder();
        for (var u = 0; u < 6; u++)
        {
            for (var i = 0; i < 5; i++)
            {
                builder.Add($"u{u}", $"i{i}", "rating", 1 + ((u + i) % 5), ServingData.Start.AddDays(i));
            }
        }

        builder.Add("u0", "i5", "view", 1, ServingData.Start);
        var spec = BlendSpec.Default with { Components = [new ComponentSpec(kind, 1, new Dictionary<string, string> { ["factors"] = "4" })] };

        var model = new BlendTrainer().Fit(builder.Build(), spec, null, CancellationToken.None);

        Assert.True(model.Recommend("u1", 1).Personalised);
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
