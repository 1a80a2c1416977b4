using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class BlendModelStorageTests
{
    private static byte[] Save(BlendModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    private static BlendModel Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return BlendModel.Load(stream);
    }

    [Fact]
    public void Load_OfSave_GivesIdenticalRecommendationsAndExplanations()
    {
        var spec = ServingData.TinySpec with { Rerank = new RerankSpec { MmrLambda = 0.5, LongTailBoost = 0.2, MaxPerCategory = 2 } };
        var model = ServingData.Fit(spec);
        var loaded = Load(Save(model));

        foreach (var user in new[] { "u1", "u4", "u7", "stranger" })
        {
            var expected = model.Recommend(user, 5);
            var actual = loaded.Recommend(user, 5);
            Assert.Equal(expected.Personalised, actual.Personalised);
            Assert.Equal(expected.Items.Select(i => (i.ItemId, i.Score, i.Title)), actual.Items.Select(i => (i.ItemId, i.Score, i.Title)));
            Assert.Equal(
                expected.Items.SelectMany(i => i.Explanation.Components.SelectMany(c => c.Because)),
                actual.Items.SelectMany(i => i.Explanation.Components.SelectMany(c => c.Because)));
        }

        Assert.Equal(spec, loaded.Spec);
        Assert.Equal(model.EngineVersion, loaded.EngineVersion);
    }

    [Fact]
    public void Load_OfATruncatedStream_IsRefused()
    {
        var bytes = Save(ServingData.Fit());

        Assert.Throws<InvalidDataException>(() => Load(bytes[..(bytes.Length - 10)]));
        Assert.Throws<InvalidDataException>(() => Load(bytes[..20]));
        Assert.Throws<InvalidDataException>(() => Load([]));
    }

    [Fact]
    public void Load_OfAnAlteredStream_IsRefused()
    {
        var bytes = Save(ServingData.Fit());
        bytes[bytes.Length / 2] ^= 0x5A;

        var error = Assert.Throws<InvalidDataException>(() => Load(bytes));
        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TwiceOnTheSameData_WritesTheSameBytes()
    {
        Assert.Equal(Save(ServingData.Fit()), Save(ServingData.Fit()));
    }
}
