using Dashboard.Recommender.Serving;

namespace Dashboard.Recommender.Tests.Serving;

public class BlendModelRenameTests
{
    [Fact]
    public void WithEndUserIds_ServesTheSameListUnderTheNewNameAndNoneUnderTheOld()
    {
        var model = ServingData.Fit();

        var renamed = model.WithEndUserIds(id => "renamed-" + id);

        var expected = model.Recommend("u1", 5);
        var actual = renamed.Recommend("renamed-u1", 5);
        Assert.Equal(expected.Items.Select(i => (i.ItemId, i.Score)), actual.Items.Select(i => (i.ItemId, i.Score)));
        Assert.Equal((true, false), (actual.Personalised, renamed.KnowsEndUser("u1")));
    }

    [Fact]
    public void WithEndUserIds_ThatMergesTwoEndUsers_IsRefused()
    {
        var model = ServingData.Fit();

        Assert.Throws<ArgumentException>(() => model.WithEndUserIds(_ => "same"));
    }

    [Fact]
    public void WithEndUserIds_SavedAndLoaded_KeepsOnlyTheNewNames()
    {
        var renamed = ServingData.Fit().WithEndUserIds(id => "renamed-" + id);
        using var stream = new MemoryStream();
        renamed.Save(stream);
        stream.Position = 0;

        var loaded = BlendModel.Load(stream);

        Assert.Equal((true, false), (loaded.KnowsEndUser("renamed-u1"), loaded.KnowsEndUser("u1")));
    }
}
