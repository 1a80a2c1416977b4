using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Bench;

/// <summary>Loads the data named on the command line and produces the protocol's splits.</summary>
internal static class BenchData
{
    public const int Seed = 42;

    /// <summary>Split seeds of the validation protocol: 42, 43, … (<c>--seeds</c> of them).</summary>
    public static IEnumerable<int> Seeds(BenchOptions options) => Enumerable.Range(Seed, options.Seeds);

    public static Dataset Load(BenchOptions options) => options.Format switch
    {
        "ml100k" => MovieLensLoader.LoadMl100k(options.Data!),
        "ml1m" => MovieLensLoader.LoadMl1m(options.Data!),
        "csv" => CsvInteractionLoader.Load(options.Data!),
        _ => throw new ArgumentException($"Unknown format '{options.Format}'."),
    };

    /// <summary>
    /// Rating protocol: the canonical u1–u5 folds for ML-100K, otherwise 5-fold random CV with seed 42.
    /// Every fold's datasets share the id maps, so matrices cover the same users and items.
    /// </summary>
    public static IReadOnlyList<(Dataset Train, Dataset Test)> RatingFolds(BenchOptions options)
    {
        if (options.Format == "ml100k")
        {
            return [.. Enumerable.Range(1, options.Folds).Select(f => MovieLensLoader.LoadMl100kFold(options.Data!, f))];
        }

        var all = Load(options);
        return [.. RatingSplitter.KFold(all.Ratings, 5, Seed).Take(options.Folds).Select(s => (all.WithRatings(s.Train), all.WithRatings(s.Test)))];
    }

    /// <summary>Top-n protocol: per-user random 75/25 split, seed 42; users with fewer than 4 interactions stay in train.</summary>
    public static (Dataset Train, Dataset Test) TopNSplit(BenchOptions options)
    {
        var all = Load(options);
        var split = RatingSplitter.PerUserRatio(all.Ratings, 0.25, Seed, minInteractions: 4);
        return (all.WithRatings(split.Train), all.WithRatings(split.Test));
    }
}
