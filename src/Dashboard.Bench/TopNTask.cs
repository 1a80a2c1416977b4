using System.Diagnostics;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Bench;

/// <summary>Top-10 ranking on the per-user 75/25 split; every test interaction is relevant.</summary>
internal static class TopNTask
{
    public static IReadOnlyList<BenchRow> Run(BenchOptions options, string datasetName)
    {
        var (trainData, testData) = BenchData.TopNSplit(options);
        var train = trainData.ToMatrix();
        var names = options.Algorithms ?? AlgorithmCatalog.TopNNames;
        var rows = new List<BenchRow>();
        foreach (var name in names)
        {
            var start = Stopwatch.GetTimestamp();
            var model = AlgorithmCatalog.FitTopN(name, trainData, train);
            var fit = Stopwatch.GetElapsedTime(start).TotalSeconds;
            // Untimed warm-up (up to 1.5 s) so tiered JIT has promoted the scoring code to optimised
            // tier-1 before timing; otherwise the first few hundred users run 3× slower tier-0 code.
            var warmUp = Stopwatch.GetTimestamp();
            for (var user = 0; user < train.UserCount && Stopwatch.GetElapsedTime(warmUp).TotalSeconds < 1.5; user++)
            {
                model.Recommend(user, 10, item => !train.Contains(user, item));
            }

            var timed = new TimedRecommender(model);
            var result = TopNEvaluator.Evaluate(timed, train, testData.Ratings, new TopNEvaluationOptions(K: 10));
            var (mean, p99) = timed.Summary();
            var (singleMean, singleP99) = SingleRequestLatency(model, train);
            var metrics = new Dictionary<string, double>
            {
                ["P@10"] = result.Precision,
                ["R@10"] = result.Recall,
                ["NDCG@10"] = result.Ndcg,
                ["MAP@10"] = result.Map,
                ["coverage"] = result.CatalogCoverage,
                ["1-req µs"] = singleMean,
                ["1-req p99 µs"] = singleP99,
            };
            rows.Add(new BenchRow("topn", datasetName, name, metrics, fit, mean, p99));
            Console.Error.WriteLine($"  {name}: P@10 {result.Precision:F4} NDCG@10 {result.Ndcg:F4} fit {fit:F2} s, {mean:F0} µs/user");
        }

        return rows;
    }

    /// <summary>
    /// Latency of one top-10 request as a serving endpoint sees it: one call at a time on one thread
    /// (the evaluator's timings above run two users at once and share the cores), over up to 2,000 users.
    /// </summary>
    private static (double Mean, double P99) SingleRequestLatency(Dashboard.Recommender.Algorithms.IRecommender model, Dashboard.Recommender.Data.InteractionMatrix train)
    {
        var timed = new TimedRecommender(model);
        var step = Math.Max(1, train.UserCount / 2000);
        for (var user = 0; user < train.UserCount; user += step)
        {
            var u = user;
            timed.Recommend(u, 10, item => !train.Contains(u, item));
        }

        return timed.Summary();
    }
}
