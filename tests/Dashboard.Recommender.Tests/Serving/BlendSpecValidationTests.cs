using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class BlendSpecValidationTests
{
    private static readonly DataProfile Implicit = new(100, 50, 1000, HasRatings: false, HasItemText: false);

    private static BlendSpec With(params ComponentSpec[] components) => BlendSpec.Default with { Components = components };

    private static ComponentSpec Option(ComponentKind kind, string name, string value) =>
        new(kind, 1, new Dictionary<string, string> { [name] = value });

    [Fact]
    public void Default_IsValidForImplicitDataWithoutItemText()
    {
        Assert.Empty(BlendSpec.Default.Validate(Implicit));
    }

    [Fact]
    public void Default_IsImplicitAlsOnZScoresWithPopularityFallback()
    {
        Assert.Equal([ComponentKind.ImplicitAls], BlendSpec.Default.Components.Select(c => c.Kind));
        Assert.Equal(Dashboard.Recommender.Blending.ScoreNormalization.ZScore, BlendSpec.Default.Normalization);
        Assert.True(BlendSpec.Default.PopularityFallback);
    }

    [Fact]
    public void Validate_AllWeightsZero_IsAProblemOfTheComponents()
    {
        var problems = With(new ComponentSpec(ComponentKind.Ease, 0), new ComponentSpec(ComponentKind.Popularity, 0)).Validate(Implicit);

        Assert.Equal("Components", Assert.Single(problems).Field);
    }

    [Fact]
    public void Validate_NegativeWeight_NamesTheWeightField()
    {
        var problems = With(new ComponentSpec(ComponentKind.Ease, 1), new ComponentSpec(ComponentKind.Popularity, -0.5)).Validate(Implicit);

        Assert.Equal("Components[1].Weight", Assert.Single(problems).Field);
    }

    [Theory]
    [InlineData(ComponentKind.ItemKnn)]
    [InlineData(ComponentKind.UserKnn)]
    public void Validate_KBelowOne_NamesTheNeighboursOption(ComponentKind kind)
    {
        var problem = Assert.Single(With(Option(kind, "neighbors", "0")).Validate(Implicit));

        Assert.Equal("Components[0].Options.neighbors", problem.Field);
        Assert.Contains("between 1 and", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Validate_MmrLambdaOutsideZeroToOne_NamesTheRerankField(double lambda)
    {
        var spec = BlendSpec.Default with { Rerank = new RerankSpec { MmrLambda = lambda } };

        Assert.Equal("Rerank.MmrLambda", Assert.Single(spec.Validate(Implicit)).Field);
    }

    [Theory]
    [InlineData("factors", "many", "whole number")]
    [InlineData("factors", "2.5", "whole number")]
    [InlineData("alpha", "x", "must be a number")]
    [InlineData("factors", "100000", "between 1 and 512")]
    [InlineData("useValues", "maybe", "true or false")]
    public void Validate_OptionNotParseableOrOutOfRange_SaysWhy(string name, string value, string expected)
    {
        var problem = Assert.Single(With(Option(ComponentKind.ImplicitAls, name, value)).Validate(Implicit));

        Assert.Equal($"Components[0].Options.{name}", problem.Field);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownSimilarityChoice_ListsTheChoices()
    {
        var problem = Assert.Single(With(Option(ComponentKind.ItemKnn, "similarity", "jaccard")).Validate(Implicit));

        Assert.Contains("cosine, pearson", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownOption_IsAProblem()
    {
        Assert.Equal("Components[0].Options.colour", Assert.Single(With(Option(ComponentKind.Ease, "colour", "red")).Validate(Implicit)).Field);
    }

    [Theory]
    [InlineData(ComponentKind.BiasedMf)]
    [InlineData(ComponentKind.SvdPlusPlus)]
    [InlineData(ComponentKind.BayesianMf)]
    public void Validate_RatingsOnlyComponentWithoutRatings_SaysRatingsAreMissing(ComponentKind kind)
    {
        var problem = Assert.Single(With(new ComponentSpec(kind, 1)).Validate(Implicit));

        Assert.Equal("Components[0].Kind", problem.Field);
        Assert.Contains("no rating events", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RatingsOnlyComponentWithRatings_IsFine()
    {
        Assert.Empty(With(new ComponentSpec(ComponentKind.BiasedMf, 1)).Validate(Implicit with { HasRatings = true }));
    }

    [Fact]
    public void Validate_ContentBasedWithoutItemText_SaysItemDetailsAreMissing()
    {
        var problem = Assert.Single(With(new ComponentSpec(ComponentKind.ContentBased, 1)).Validate(Implicit));

        Assert.Equal("Components[0].Kind", problem.Field);
        Assert.Contains("titles", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void Validate_ListSizeOutsideOneToHundred_NamesListSize(int size)
    {
        Assert.Equal("ListSize", Assert.Single((BlendSpec.Default with { ListSize = size }).Validate(Implicit)).Field);
    }

    [Fact]
    public void Validate_NegativeEventWeight_NamesTheEventType()
    {
        var spec = BlendSpec.Default with { EventWeights = new Dictionary<string, double> { ["view"] = -1, ["purchase"] = 3 } };

        Assert.Equal("EventWeights.view", Assert.Single(spec.Validate(Implicit)).Field);
    }

    [Fact]
    public void Validate_SameKindTwice_IsAProblemOfTheSecond()
    {
        var problems = With(new ComponentSpec(ComponentKind.Ease, 1), new ComponentSpec(ComponentKind.Ease, 1)).Validate(Implicit);

        Assert.Equal("Components[1].Kind", Assert.Single(problems).Field);
    }

    [Fact]
    public void Validate_CategoryCapBelowOne_NamesTheCap()
    {
        var spec = BlendSpec.Default with { Rerank = new RerankSpec { MaxPerCategory = 0 } };

        Assert.Equal("Rerank.MaxPerCategory", Assert.Single(spec.Validate(Implicit)).Field);
    }
}
