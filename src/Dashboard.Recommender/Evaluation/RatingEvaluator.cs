using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Scores every test rating with <see cref="IRecommender.Score"/> and reports RMSE, MAE and MSE.
/// A model writes NaN for a user or item it does not know. By default such ratings are skipped and
/// counted, so the error is over the ratings the model could predict and the skip count shows how
/// many it could not. With a fallback (typically the training mean) they are predicted with it
/// instead, which is the fairer comparison between models of different coverage.
/// </summary>
public static class RatingEvaluator
{
    public static RatingEvaluationResult Evaluate(
        IRecommender model,
        ReadOnlySpan<Rating> test,
        float? fallback = null,
        Func<int, string>? groupOf = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (fallback is { } f && !float.IsFinite(f))
        {
            throw new ArgumentOutOfRangeException(nameof(fallback), f, "The fallback prediction must be a finite number.");
        }

        var ratings = test.ToArray();
        var groups = UserGroups.Build(ratings);
        var predictions = new float[ratings.Length];
        var maxRows = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            maxRows = Math.Max(maxRows, groups.RowsOf(g).Length);
        }

        Parallel.For(
            0,
            groups.Count,
            new ParallelOptions { CancellationToken = cancellationToken },
            () => (Items: new int[maxRows], Scores: new float[maxRows]),
            (g, _, buffers) =>
            {
                var rows = groups.RowsOf(g);
                var items = buffers.Items.AsSpan(0, rows.Length);
                var scores = buffers.Scores.AsSpan(0, rows.Length);
                for (var i = 0; i < rows.Length; i++)
                {
                    items[i] = ratings[rows[i]].Item;
                }

                model.Score(groups.UserAt(g), items, scores);
                for (var i = 0; i < rows.Length; i++)
                {
                    predictions[rows[i]] = scores[i];
                }

                return buffers;
            },
            _ => { });

        // Sequential sums in input order: the result does not depend on thread scheduling.
        var total = new ErrorSums();
        var byGroup = groupOf is null ? null : new SortedDictionary<string, ErrorSums>(StringComparer.Ordinal);
        var fallbacks = 0;
        for (var i = 0; i < ratings.Length; i++)
        {
            var group = byGroup is null ? null : GroupSums(byGroup, groupOf!, ratings[i].User);
            var prediction = predictions[i];
            if (float.IsNaN(prediction))
            {
                if (fallback is null)
                {
                    total.Skip();
                    group?.Skip();
                    continue;
                }

                prediction = fallback.Value;
                fallbacks++;
            }

            var error = (double)prediction - ratings[i].Value;
            total.Add(error);
            group?.Add(error);
        }

        List<RatingGroupMetrics>? groupMetrics = null;
        if (byGroup is not null)
        {
            groupMetrics = new List<RatingGroupMetrics>(byGroup.Count);
            foreach (var (name, sums) in byGroup)
            {
                groupMetrics.Add(new RatingGroupMetrics(name, sums.Scored, sums.Skipped, Math.Sqrt(sums.Mse), sums.Mae));
            }
        }

        return new RatingEvaluationResult(Math.Sqrt(total.Mse), total.Mae, total.Mse, total.Scored, total.Skipped, fallbacks, groupMetrics);
    }

    private static ErrorSums GroupSums(SortedDictionary<string, ErrorSums> byGroup, Func<int, string> groupOf, int user)
    {
        var name = groupOf(user) ?? throw new InvalidOperationException($"No group for user {user}.");
        if (!byGroup.TryGetValue(name, out var sums))
        {
            sums = new ErrorSums();
            byGroup.Add(name, sums);
        }

        return sums;
    }

    private sealed class ErrorSums
    {
        private double _squared;
        private double _absolute;

        public int Scored { get; private set; }

        public int Skipped { get; private set; }

        public double Mse => Scored == 0 ? double.NaN : _squared / Scored;

        public double Mae => Scored == 0 ? double.NaN : _absolute / Scored;

        public void Skip() => Skipped++;

        public void Add(double error)
        {
            _squared += error * error;
            _absolute += Math.Abs(error);
            Scored++;
        }
    }
}
