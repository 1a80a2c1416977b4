using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Train/test splitters over a rating list, in the spirit of LensKit's crossfold module. Every
/// splitter is a pure function of its input and seed: the same call returns the same split on any
/// machine, and both halves keep the input order of the ratings.
/// </summary>
public static class RatingSplitter
{
    /// <summary>Users with fewer interactions than this stay entirely in train (the benchmark's "topn" protocol).</summary>
    public const int DefaultMinInteractions = 4;

    /// <summary>
    /// Random k-fold cross-validation over individual ratings: the ratings are shuffled with
    /// <paramref name="seed"/> and dealt round-robin into <paramref name="folds"/> test sets, so fold
    /// sizes differ by at most one and every rating is tested exactly once.
    /// </summary>
    public static IReadOnlyList<TrainTestSplit> KFold(ReadOnlySpan<Rating> ratings, int folds, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(folds, Math.Max(2, ratings.Length));

        var order = Permutation(ratings.Length, new Random(seed));
        var foldOf = new int[ratings.Length];
        for (var position = 0; position < order.Length; position++)
        {
            foldOf[order[position]] = position % folds;
        }

        var splits = new TrainTestSplit[folds];
        var isTest = new bool[ratings.Length];
        for (var fold = 0; fold < folds; fold++)
        {
            for (var i = 0; i < isTest.Length; i++)
            {
                isTest[i] = foldOf[i] == fold;
            }

            splits[fold] = Partition(ratings, isTest);
        }

        return splits;
    }

    /// <summary>
    /// Per-user random holdout: for each user with at least <paramref name="minInteractions"/>
    /// ratings, round(count × <paramref name="testFraction"/>) of them (at least one, and never all)
    /// go to test; users below the minimum stay entirely in train so the model still learns from
    /// them. Users are processed in ascending index order with one generator, which is what makes the
    /// split reproducible from the seed.
    /// </summary>
    public static TrainTestSplit PerUserRatio(
        ReadOnlySpan<Rating> ratings, double testFraction, int seed, int minInteractions = DefaultMinInteractions)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be strictly between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minInteractions, 2);

        var groups = UserGroups.Build(ratings);
        var random = new Random(seed);
        var isTest = new bool[ratings.Length];
        for (var g = 0; g < groups.Count; g++)
        {
            var rows = groups.RowsOf(g);
            if (rows.Length < minInteractions)
            {
                continue;
            }

            var testCount = (int)Math.Round(rows.Length * testFraction, MidpointRounding.AwayFromZero);
            testCount = Math.Clamp(testCount, 1, rows.Length - 1);

            // Partial Fisher–Yates: the first testCount slots end up a uniform sample of the user's rows.
            var shuffled = rows.ToArray();
            for (var i = 0; i < testCount; i++)
            {
                var j = random.Next(i, shuffled.Length);
                (shuffled[i], shuffled[j]) = (shuffled[j], shuffled[i]);
                isTest[shuffled[i]] = true;
            }
        }

        return Partition(ratings, isTest);
    }

    /// <summary>
    /// Temporal per-user holdout: each user's <paramref name="lastN"/> most recent ratings go to test
    /// (ties in time keep input order, the later row counting as more recent). Users with fewer than
    /// <paramref name="minInteractions"/> ratings stay in train.
    /// </summary>
    /// <exception cref="InvalidOperationException">Some rating has no timestamp, so "last" is undefined.</exception>
    public static TrainTestSplit LeaveLastN(
        ReadOnlySpan<Rating> ratings, int lastN = 1, int minInteractions = DefaultMinInteractions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastN, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(minInteractions, lastN);

        for (var i = 0; i < ratings.Length; i++)
        {
            if (!ratings[i].HasTimestamp)
            {
                throw new InvalidOperationException(
                    $"Leave-last-{lastN} needs a timestamp on every rating, but rating {i} (user {ratings[i].User}, item {ratings[i].Item}) has none. Use a random split for data without times.");
            }
        }

        var groups = UserGroups.Build(ratings);
        var isTest = new bool[ratings.Length];
        var keys = new List<(long Time, int Row)>();
        for (var g = 0; g < groups.Count; g++)
        {
            var rows = groups.RowsOf(g);
            if (rows.Length < minInteractions)
            {
                continue;
            }

            keys.Clear();
            foreach (var row in rows)
            {
                keys.Add((ratings[row].Timestamp, row));
            }

            keys.Sort();
            for (var k = keys.Count - lastN; k < keys.Count; k++)
            {
                isTest[keys[k].Row] = true;
            }
        }

        return Partition(ratings, isTest);
    }

    /// <summary>
    /// Carves a validation set out of a training set for hyper-parameter or blend-weight tuning,
    /// leaving the real test set untouched. It is a per-user ratio split (same rules as
    /// <see cref="PerUserRatio"/>), because top-n tuning needs held-out items for many users.
    /// </summary>
    public static TrainTestSplit TrainValidation(
        ReadOnlySpan<Rating> train, double validationFraction, int seed, int minInteractions = DefaultMinInteractions) =>
        PerUserRatio(train, validationFraction, seed, minInteractions);

    private static int[] Permutation(int length, Random random)
    {
        var order = new int[length];
        for (var i = 0; i < length; i++)
        {
            order[i] = i;
        }

        random.Shuffle(order);
        return order;
    }

    private static TrainTestSplit Partition(ReadOnlySpan<Rating> ratings, bool[] isTest)
    {
        var testCount = 0;
        foreach (var t in isTest)
        {
            if (t)
            {
                testCount++;
            }
        }

        var train = new Rating[ratings.Length - testCount];
        var test = new Rating[testCount];
        int trainAt = 0, testAt = 0;
        for (var i = 0; i < ratings.Length; i++)
        {
            if (isTest[i])
            {
                test[testAt++] = ratings[i];
            }
            else
            {
                train[trainAt++] = ratings[i];
            }
        }

        return new TrainTestSplit(train, test);
    }
}
