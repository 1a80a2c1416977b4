using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Tests.Evaluation;

public class RatingSplitterTests
{
    /// <summary>User 0 has 8 ratings, user 1 has 3, user 2 has 4; timestamps increase with the item index.</summary>
    private static Rating[] Sample()
    {
        var ratings = new List<Rating>();
        for (var i = 0; i < 8; i++)
        {
            ratings.Add(new Rating(0, i, 1 + (i % 5), 1000 + i));
        }

        for (var i = 0; i < 3; i++)
        {
            ratings.Add(new Rating(1, i, 3, 2000 + i));
        }

        for (var i = 0; i < 4; i++)
        {
            ratings.Add(new Rating(2, 10 + i, 4, 3000 - i));
        }

        return [.. ratings];
    }

    private static int CountOf(Rating[] ratings, int user) => ratings.Count(r => r.User == user);

    [Fact]
    public void KFold_TestsEveryRatingExactlyOnce()
    {
        var ratings = Sample();
        var folds = RatingSplitter.KFold(ratings, 5, seed: 42);
        var tested = folds.SelectMany(f => f.Test).OrderBy(r => (r.User, r.Item)).ToArray();
        Assert.Equal(ratings.OrderBy(r => (r.User, r.Item)), tested);
    }

    [Fact]
    public void KFold_EachFoldPartitionsTheInput()
    {
        var ratings = Sample();
        var fold = RatingSplitter.KFold(ratings, 3, seed: 7)[1];
        Assert.Equal(ratings.Length, fold.Train.Length + fold.Test.Length);
        Assert.Empty(fold.Train.Intersect(fold.Test));
    }

    [Fact]
    public void KFold_FoldSizesDifferByAtMostOne()
    {
        var sizes = RatingSplitter.KFold(Sample(), 4, seed: 1).Select(f => f.Test.Length).ToArray();
        Assert.True(sizes.Max() - sizes.Min() <= 1, string.Join(",", sizes));
    }

    [Fact]
    public void KFold_SameSeed_GivesSameFolds()
    {
        var a = RatingSplitter.KFold(Sample(), 3, seed: 42);
        var b = RatingSplitter.KFold(Sample(), 3, seed: 42);
        Assert.Equal(a.Select(f => f.Test), b.Select(f => f.Test));
    }

    [Fact]
    public void PerUserRatio_HoldsOutAQuarterOfEachEligibleUser()
    {
        // User 0: round(8 · 0.25) = 2; user 2: round(4 · 0.25) = 1; user 1 (3 < 4) stays in train.
        var split = RatingSplitter.PerUserRatio(Sample(), 0.25, seed: 42);
        Assert.Equal([2, 0, 1], [CountOf(split.Test, 0), CountOf(split.Test, 1), CountOf(split.Test, 2)]);
    }

    [Fact]
    public void PerUserRatio_UserBelowMinimum_StaysEntirelyInTrain()
    {
        var split = RatingSplitter.PerUserRatio(Sample(), 0.25, seed: 42);
        Assert.Equal(3, CountOf(split.Train, 1));
    }

    [Fact]
    public void PerUserRatio_SameSeed_IsReproducible()
    {
        var a = RatingSplitter.PerUserRatio(Sample(), 0.25, seed: 42);
        var b = RatingSplitter.PerUserRatio(Sample(), 0.25, seed: 42);
        Assert.Equal(a.Test, b.Test);
    }

    [Fact]
    public void PerUserRatio_DifferentSeeds_SampleDifferentItems()
    {
        var large = Enumerable.Range(0, 400).Select(i => new Rating(0, i, 1)).ToArray();
        var a = RatingSplitter.PerUserRatio(large, 0.25, seed: 1);
        var b = RatingSplitter.PerUserRatio(large, 0.25, seed: 2);
        Assert.NotEqual(a.Test, b.Test);
    }

    [Fact]
    public void LeaveLastN_HoldsOutTheMostRecentRatings()
    {
        // User 0's latest is item 7 (t = 1007); user 2's timestamps decrease, so its latest is item 10.
        var split = RatingSplitter.LeaveLastN(Sample(), lastN: 1);
        Assert.Equal([(0, 7), (2, 10)], split.Test.Select(r => (r.User, r.Item)));
    }

    [Fact]
    public void LeaveLastN_WithoutTimestamps_Throws()
    {
        Rating[] ratings = [new(0, 0, 1), new(0, 1, 1), new(0, 2, 1), new(0, 3, 1)];
        var error = Assert.Throws<InvalidOperationException>(() => RatingSplitter.LeaveLastN(ratings));
        Assert.Contains("timestamp", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainValidation_SplitsTheTrainingSetPerUser()
    {
        var train = RatingSplitter.PerUserRatio(Sample(), 0.25, seed: 42).Train;
        var split = RatingSplitter.TrainValidation(train, 0.25, seed: 3);
        Assert.Equal(train.Length, split.Train.Length + split.Test.Length);
    }
}
