using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class ComponentCatalogTests
{
    [Fact]
    public void All_DescribesEveryKindOnce()
    {
        Assert.Equal(Enum.GetValues<ComponentKind>(), ComponentCatalog.All.Select(d => d.Kind));
    }

    [Fact]
    public void EveryOptionDefault_PassesValidation()
    {
        var profile = new DataProfile(10, 10, 100, HasRatings: true, HasItemText: true);
        foreach (var descriptor in ComponentCatalog.All)
        {
            var options = descriptor.Options.ToDictionary(o => o.Name, o => o.Default);
            var spec = BlendSpec.Default with { Components = [new ComponentSpec(descriptor.Kind, 1, options)] };

            Assert.Empty(spec.Validate(profile));
        }
    }

    [Fact]
    public void EveryOption_HasHelp()
    {
        Assert.All(ComponentCatalog.All.SelectMany(d => d.Options), o => Assert.False(string.IsNullOrWhiteSpace(o.Help)));
    }

    [Theory]
    [InlineData(ComponentKind.ItemKnn)]
    [InlineData(ComponentKind.UserKnn)]
    public void Knn_OffersCosineAndPearson(ComponentKind kind)
    {
        var similarity = ComponentCatalog.Describe(kind).Option("similarity");

        Assert.NotNull(similarity);
        Assert.Equal(["cosine", "pearson"], similarity.Choices);
    }

    [Fact]
    public void RatingModels_NeedRatingsAndContentNeedsText()
    {
        Assert.True(ComponentCatalog.Describe(ComponentKind.BiasedMf).NeedsRatings);
        Assert.True(ComponentCatalog.Describe(ComponentKind.SvdPlusPlus).NeedsRatings);
        Assert.True(ComponentCatalog.Describe(ComponentKind.BayesianMf).NeedsRatings);
        Assert.True(ComponentCatalog.Describe(ComponentKind.ContentBased).NeedsItemText);
    }
}
