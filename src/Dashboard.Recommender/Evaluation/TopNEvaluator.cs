using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Top-n evaluation of a fitted model (LensKit's "recommend then measure" protocol): for every test
/// user with at least one relevant test item, the model recommends K items excluding the user's
/// training items, and the list is scored against the relevant test items. A test item the user
/// also has in train (a repeated interaction split across both sides) is not counted as relevant:
/// the protocol forbids recommending it, so it could only ever be a miss. Users are processed in
/// parallel; results are stored per user and aggregated sequentially, so the numbers do not depend
/// on thread scheduling.
/// </summary>
public static class TopNEvaluator
{
    /// <summary>Group name given to users a dictionary grouping does not mention.</summary>
    public const string UnassignedGroup = "(unassigned)";

    /// <summary>Evaluates a fitted model's <see cref="IRecommender.Recommend"/> lists.</summary>
    public static TopNEvaluationResult Evaluate(
        IRecommender model,
        InteractionMatrix train,
        ReadOnlySpan<Rating> test,
        TopNEvaluationOptions? options = null,
        Func<int, string>? groupOf = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Evaluate(model.Recommend, train, test, options, groupOf, cancellationToken);
    }

    /// <summary>
    /// Evaluates the lists of any <see cref="ListSource"/> (e.g. a model plus re-ranking), asked for
    /// K items with the user's training items disallowed.
    /// </summary>
    public static TopNEvaluationResult Evaluate(
        ListSource recommend,
        InteractionMatrix train,
        ReadOnlySpan<Rating> test,
        TopNEvaluationOptions? options = null,
        Func<int, string>? groupOf = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recommend);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new TopNEvaluationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.K, 1, nameof(options));

        var (users, relevant) = RelevantItems(test, train, options.RelevanceThreshold);
        var perUser = new UserListMetrics[users.Length];
        var k = options.K;
        Parallel.For(
            0,
            users.Length,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new HashSet<int>(),
            (index, _, relevantSet) =>
            {
                var user = users[index];
                relevantSet.Clear();
                foreach (var item in relevant[index])
                {
                    relevantSet.Add(item);
                }

                var recommended = recommend(user, k, item => !train.Contains(user, item));
                var list = new int[Math.Min(recommended.Count, k)];
                for (var i = 0; i < list.Length; i++)
                {
                    list[i] = recommended[i].Item;
                }

                perUser[index] = UserListMetrics.Measure(user, list, relevantSet, k);
                return relevantSet;
            },
            _ => { });

        return Summarise(perUser, train, options, groupOf);
    }

    /// <summary>Same as the function overload, grouping users by a lookup; missing users fall in <see cref="UnassignedGroup"/>.</summary>
    public static TopNEvaluationResult Evaluate(
        IRecommender model,
        InteractionMatrix train,
        ReadOnlySpan<Rating> test,
        TopNEvaluationOptions? options,
        IReadOnlyDictionary<int, string> groups,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return Evaluate(model, train, test, options, user => groups.GetValueOrDefault(user, UnassignedGroup), cancellationToken);
    }

    /// <summary>Test users (ascending) that have at least one relevant item not in their training data, and those items.</summary>
    private static (int[] Users, int[][] Relevant) RelevantItems(ReadOnlySpan<Rating> test, InteractionMatrix train, float? threshold)
    {
        var groups = UserGroups.Build(test);
        var users = new List<int>(groups.Count);
        var relevant = new List<int[]>(groups.Count);
        var items = new List<int>();
        for (var g = 0; g < groups.Count; g++)
        {
            items.Clear();
            var user = groups.UserAt(g);
            foreach (var row in groups.RowsOf(g))
            {
                var r = test[row];
                if ((threshold is null || r.Value >= threshold.Value) && !train.Contains(user, r.Item))
                {
                    items.Add(r.Item);
                }
            }

            if (items.Count > 0)
            {
                users.Add(user);
                relevant.Add([.. items]);
            }
        }

        return ([.. users], [.. relevant]);
    }

    private static TopNEvaluationResult Summarise(
        UserListMetrics[] perUser, InteractionMatrix train, TopNEvaluationOptions options, Func<int, string>? groupOf)
    {
        double precision = 0, recall = 0, ndcg = 0, map = 0, mrr = 0, hits = 0;
        var lists = new int[perUser.Length][];
        for (var i = 0; i < perUser.Length; i++)
        {
            var u = perUser[i];
            precision += u.Precision;
            recall += u.Recall;
            ndcg += u.Ndcg;
            map += u.AveragePrecision;
            mrr += u.ReciprocalRank;
            hits += u.Hit;
            lists[i] = u.List;
        }

        var popularity = new int[train.ItemCount];
        for (var item = 0; item < popularity.Length; item++)
        {
            popularity[item] = train.ItemDegree(item);
        }

        var catalogSize = Math.Max(1, train.ItemCount);
        var population = Math.Max(1, train.UserCount);
        var isLongTail = LongTail.Classify(popularity, options.HeadShare);
        var diversity = options.Similarity is null
            ? double.NaN
            : BeyondAccuracyMetrics.IntraListDiversity(lists, options.Similarity);
        var calibration = options.Categories is null
            ? double.NaN
            : MeanCalibration(perUser, train, options.Categories, options.CalibrationAlpha);

        // With no evaluable user the accuracy means are undefined (NaN), not zero.
        double n = perUser.Length == 0 ? double.NaN : perUser.Length;
        return new TopNEvaluationResult(
            options.K,
            perUser.Length,
            precision / n,
            recall / n,
            ndcg / n,
            map / n,
            mrr / n,
            hits / n,
            BeyondAccuracyMetrics.CatalogCoverage(lists, catalogSize),
            BeyondAccuracyMetrics.ExposureGini(lists, catalogSize),
            BeyondAccuracyMetrics.Novelty(lists, popularity, population),
            BeyondAccuracyMetrics.AverageLongTailShare(lists, isLongTail),
            BeyondAccuracyMetrics.AverageRecommendationPopularity(lists, popularity),
            diversity,
            calibration,
            perUser,
            groupOf is null ? null : GroupReport.Create(perUser, groupOf));
    }

    /// <summary>Mean calibration KL over users who have both a categorised history and a non-empty list.</summary>
    private static double MeanCalibration(UserListMetrics[] perUser, InteractionMatrix train, ItemCategories categories, double alpha)
    {
        var history = new double[categories.CategoryCount];
        var shown = new double[categories.CategoryCount];
        double sum = 0;
        var count = 0;
        foreach (var u in perUser)
        {
            if (u.List.Length == 0 || (uint)u.User >= (uint)train.UserCount)
            {
                continue;
            }

            BeyondAccuracyMetrics.CategoryDistribution(train.ItemsOf(u.User), categories, history);
            if (!HasMass(history))
            {
                continue;
            }

            BeyondAccuracyMetrics.CategoryDistribution(u.List, categories, shown);
            sum += BeyondAccuracyMetrics.CalibrationKl(history, shown, alpha);
            count++;
        }

        return count == 0 ? double.NaN : sum / count;
    }

    private static bool HasMass(ReadOnlySpan<double> distribution)
    {
        foreach (var p in distribution)
        {
            if (p > 0)
            {
                return true;
            }
        }

        return false;
    }
}
