using Dashboard.Recommender.Algorithms;

namespace Dashboard.Recommender.Tests.Algorithms;

public class LearnedRankerTests
{
    [Fact]
    public void Recommend_OnlyReturnsCandidatesFromTheComponents()
    {
        var train = TinyData.Random();
        var popularity = new Popularity();
        popularity.Fit(train, new PopularityOptions());
        var model = new LearnedRanker([(m, _) => Fit(new Popularity(), m)]);
        model.Fit(train, new LearnedRankerOptions { CandidatesPerModel = 3, Trees = 5, MinExamplesPerLeaf = 2 });

        var top = model.Recommend(0, 10, item => !train.Contains(0, item));

        var expected = popularity.Recommend(0, 3, item => !train.Contains(0, item)).Select(s => s.Item).Order();
        Assert.Equal(expected, top.Select(s => s.Item).Order());
    }

    [Fact]
    public void Fit_WithoutComponents_Throws()
    {
        var model = new LearnedRanker([]);

        Assert.Throws<InvalidOperationException>(() => model.Fit(TinyData.Random(), new LearnedRankerOptions()));
    }

    [Fact]
    public void SaveThenLoad_KeepsComponentNames()
    {
        var model = new LearnedRanker([(m, _) => Fit(new Popularity(), m)]);
        model.Fit(TinyData.Random(), new LearnedRankerOptions { CandidatesPerModel = 5, Trees = 5, MinExamplesPerLeaf = 2 });
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = (LearnedRanker)RecommenderSerializer.Load(stream);

        Assert.Equal(["popularity"], loaded.ComponentNames);
    }

    private static Popularity Fit(Popularity model, Dashboard.Recommender.Data.InteractionMatrix train)
    {
        model.Fit(train, new PopularityOptions());
        return model;
    }
}
