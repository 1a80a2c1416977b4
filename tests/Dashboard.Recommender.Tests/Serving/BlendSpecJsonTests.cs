using System.Text.Json;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class BlendSpecJsonTests
{
    private static readonly BlendSpec Custom = new()
    {
        Components =
        [
            new ComponentSpec(ComponentKind.ItemKnn, 0.7, new Dictionary<string, string> { ["neighbors"] = "20", ["similarity"] = "pearson" }),
            new ComponentSpec(ComponentKind.Trending, 0.3, new Dictionary<string, string> { ["halfLifeDays"] = "3.5" }),
        ],
        EventWeights = new Dictionary<string, double> { ["view"] = 1, ["purchase"] = 3 },
        Normalization = ScoreNormalization.Rank,
        Rerank = new RerankSpec { ExcludeSeen = false, MmrLambda = 0.6, MaxPerCategory = 3, LongTailBoost = 0.25 },
        ListSize = 25,
        PopularityFallback = false,
    };

    [Fact]
    public void FromJson_OfToJson_GivesAnEqualSpec()
    {
        var back = BlendSpec.FromJson(Custom.ToJson());

        Assert.Equal(Custom, back);
    }

    [Fact]
    public void ToJson_OfTheDefault_HasTheDocumentedShape()
    {
        const string Expected =
            """{"components":[{"kind":"ImplicitAls","weight":1,"options":{}}],"eventWeights":{"add_to_cart":3,"click":2,"purchase":5,"rating":1,"view":1},"normalization":"ZScore","rerank":{"excludeSeen":true,"mmrLambda":1,"maxPerCategory":null,"longTailBoost":0},"listSize":10,"popularityFallback":true}""";

        Assert.Equal(
            Expected,
            BlendSpec.Default.ToJson());
    }

    [Fact]
    public void FromJson_WithMissingFields_TakesTheDefaults()
    {
        var spec = BlendSpec.FromJson("""{"components":[{"kind":"ease","weight":1}]}""");

        Assert.Equal(10, spec.ListSize);
        Assert.True(spec.Rerank.ExcludeSeen);
        Assert.Equal(ComponentKind.Ease, Assert.Single(spec.Components).Kind);
    }

    [Fact]
    public void FromJson_WithAnUnknownKind_NamesTheKind()
    {
        var error = Assert.ThrowsAny<JsonException>(() => BlendSpec.FromJson("""{"components":[{"kind":"Magic","weight":1}]}"""));

        Assert.Contains("Magic", error.Message, StringComparison.Ordinal);
        Assert.Contains("components[0].kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_OfNotJson_Throws()
    {
        Assert.ThrowsAny<JsonException>(() => BlendSpec.FromJson("not json"));
    }
}
