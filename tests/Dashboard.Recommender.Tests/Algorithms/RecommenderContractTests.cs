using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Algorithms;

/// <summary>The IRecommender contract, checked for every algorithm in <see cref="ModelZoo"/>.</summary>
public class RecommenderContractTests
{
    private static readonly int[] AllItems = Enumerable.Range(0, 25).ToArray();

    [Theory]
    [MemberData(nameof(ModelZoo.PersonalisedNames), MemberType = typeof(ModelZoo))]
    public void Score_UnknownUser_IsNaN(string name)
    {
        var model = ModelZoo.Fit(name, TinyData.Random());
        var scores = new float[2];

        model.Score(999, [0, 1], scores);

        Assert.All(scores, s => Assert.True(float.IsNaN(s)));
    }

    [Theory]
    [MemberData(nameof(ModelZoo.Names), MemberType = typeof(ModelZoo))]
    public void Score_UnknownItem_IsNaNWhileKnownItemIsNot(string name)
    {
        var model = ModelZoo.Fit(name, TinyData.Random());
        var scores = new float[3];

        model.Score(0, [-1, 0, 25], scores);

        Assert.True(float.IsNaN(scores[0]) && float.IsNaN(scores[2]) && !float.IsNaN(scores[1]));
    }

    [Theory]
    [MemberData(nameof(ModelZoo.Names), MemberType = typeof(ModelZoo))]
    public void Recommend_ExcludesDisallowedItems(string name)
    {
        var model = ModelZoo.Fit(name, TinyData.Random());

        var top = model.Recommend(1, 10, item => item % 3 != 0);

        Assert.NotEmpty(top);
        Assert.All(top, s => Assert.NotEqual(0, s.Item % 3));
    }

    [Theory]
    [MemberData(nameof(ModelZoo.Names), MemberType = typeof(ModelZoo))]
    public void Recommend_IsSortedByScoreAndAgreesWithScore(string name)
    {
        var model = ModelZoo.Fit(name, TinyData.Random());
        var scores = new float[AllItems.Length];
        model.Score(3, AllItems, scores);

        var top = model.Recommend(3, 5);

        Assert.Equal(5, top.Count);
        Assert.All(top, s => Assert.Equal(scores[s.Item], s.Score));
        Assert.True(top.Zip(top.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Theory]
    [MemberData(nameof(ModelZoo.Names), MemberType = typeof(ModelZoo))]
    public void Recommend_ForKnownUserWithoutHistory_ReturnsFiniteScores(string name)
    {
        // User 40 exists in the matrix (e.g. registered, no events yet) but has no interactions.
        var withEmptyUser = InteractionMatrix.Build(TinyData.Random().ToRatings(), 41, 25);
        var model = ModelZoo.Fit(name, withEmptyUser);

        var top = model.Recommend(40, 5);

        Assert.Equal(5, top.Count);
        Assert.All(top, s => Assert.True(float.IsFinite(s.Score)));
    }

    [Theory]
    [MemberData(nameof(ModelZoo.Names), MemberType = typeof(ModelZoo))]
    public void SaveThenLoad_GivesIdenticalScores(string name)
    {
        var model = ModelZoo.Fit(name, TinyData.Random());
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = ModelZoo.Load(name, stream);

        Assert.Equal(Scores(model, 4), Scores(loaded, 4));
    }

    [Theory]
    [MemberData(nameof(ModelZoo.Names), MemberType = typeof(ModelZoo))]
    public void Fit_TwiceWithSameOptions_GivesIdenticalScores(string name)
    {
        var first = ModelZoo.Fit(name, TinyData.Random());
        var second = ModelZoo.Fit(name, TinyData.Random());

        Assert.Equal(Scores(first, 5), Scores(second, 5));
    }

    [Theory]
    [MemberData(nameof(ModelZoo.Names), MemberType = typeof(ModelZoo))]
    public void Load_OfAnotherFormatVersion_ThrowsInvalidData(string name)
    {
        var model = ModelZoo.Fit(name, TinyData.Random());
        using var stream = new MemoryStream();
        model.Save(stream);
        var bytes = stream.ToArray();

        // Header: magic (4 bytes), name (1 length byte + UTF-8), version (int32).
        var versionOffset = 4 + 1 + model.Name.Length;
        BitConverter.TryWriteBytes(bytes.AsSpan(versionOffset, 4), 99);

        var error = Assert.Throws<InvalidDataException>(() => ModelZoo.Load(name, new MemoryStream(bytes)));
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ModelZoo.Names), MemberType = typeof(ModelZoo))]
    public void Fit_WithCancelledToken_Throws(string name)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ModelZoo.Fit(name, TinyData.Random(), cancellationToken: cancelled.Token));
    }

    [Theory]
    [MemberData(nameof(ModelZoo.Names), MemberType = typeof(ModelZoo))]
    public void RecommenderSerializer_LoadsTheSavedAlgorithmByName(string name)
    {
        var model = ModelZoo.Fit(name, TinyData.Random());
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        var loaded = RecommenderSerializer.Load(stream);

        Assert.Equal(model.GetType(), loaded.GetType());
        Assert.Equal(Scores(model, 2), Scores(loaded, 2));
    }

    [Theory]
    [MemberData(nameof(ModelZoo.Names), MemberType = typeof(ModelZoo))]
    public void Fit_ReportsProgressWithinZeroToOneEndingAtOne(string name)
    {
        var progress = new RecordingProgress();

        ModelZoo.Fit(name, TinyData.Random(), progress: progress);

        Assert.All(progress.Values, v => Assert.InRange(v, 0, 1));
        Assert.Equal(1, progress.Values[^1]);
    }

    [Fact]
    public void Load_OfAnotherAlgorithm_ThrowsInvalidData()
    {
        var model = ModelZoo.Fit("baseline", TinyData.Random());
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;

        Assert.Throws<InvalidDataException>(() => Popularity.Load(stream));
    }

    private static float[] Scores(IRecommender model, int user)
    {
        var scores = new float[AllItems.Length];
        model.Score(user, AllItems, scores);
        return scores;
    }
}
