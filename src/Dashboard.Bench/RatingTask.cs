using System.Diagnostics;
using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Bench;

/// <summary>Rating prediction: RMSE and MAE averaged over the folds, plus fit time per fold.</summary>
internal static class RatingTask
{
    public static IReadOnlyList<BenchRow> Run(BenchOptions options, string datasetName)
    {
        var folds = BenchData.RatingFolds(options);
        var names = options.Algorithms ?? AlgorithmCatalog.RatingNames;
        var rows = new List<BenchRow>();
        foreach (var name in names)
        {
            double rmse = 0, mae = 0, fit = 0, updatesPerSecond = 0, updatesPerCpuSecond = 0;
            foreach (var (trainData, testData) in folds)
            {
                var train = trainData.ToMatrix();
                using var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var start = Stopwatch.GetTimestamp();
                var model = AlgorithmCatalog.FitRating(name, trainData, train);
                var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                process.Refresh();
                var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                var result = RatingEvaluator.Evaluate(model, testData.Ratings, (float)train.GlobalMean());
                rmse += result.Rmse / folds.Count;
                mae += result.Mae / folds.Count;
                fit += seconds / folds.Count;
                if (model is BiasedMf mf)
                {
                    updatesPerSecond += mf.UpdateCount / seconds / folds.Count;
                    updatesPerCpuSecond += mf.UpdateCount / cpuSeconds / folds.Count;
                }
            }

            var metrics = new Dictionary<string, double> { ["RMSE"] = rmse, ["MAE"] = mae };
            string? note = null;
            if (updatesPerSecond > 0)
            {
                // Wall-clock rate split over the cores, and the rate per CPU-second this process actually
                // got: on a machine shared with other jobs the second is the fairer per-core figure.
                metrics["SGD upd/s/core (wall)"] = updatesPerSecond / Environment.ProcessorCount;
                metrics["SGD upd/CPU-s"] = updatesPerCpuSecond;
                note = $"{folds.Count}-fold total fit {fit * folds.Count:F1} s";
            }

            rows.Add(new BenchRow("rating", datasetName, name, metrics, fit, Note: note));
            Console.Error.WriteLine($"  {name}: RMSE {rmse:F4} MAE {mae:F4} fit {fit:F2} s/fold");
        }

        return rows;
    }
}
