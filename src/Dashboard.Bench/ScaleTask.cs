using System.Diagnostics;
using Dashboard.Recommender.Data;

namespace Dashboard.Bench;

/// <summary>
/// Fit time and memory on synthetic data of growing size. The catalogue is fixed at 2,000 items because
/// EASE is quadratic in items; users grow with the interaction count (~50 per user on average).
/// Each size runs in this process after a full GC; memory is the managed heap right after the fit
/// (the model and its training matrix alive) and the process' peak working set so far.
/// </summary>
internal static class ScaleTask
{
    public const int Items = 2_000;

    public static IReadOnlyList<BenchRow> Run(BenchOptions options)
    {
        var names = options.Algorithms ?? ["biased-mf"];
        var rows = new List<BenchRow>();
        foreach (var size in options.Sizes)
        {
            var users = Math.Max(100, size / 50);
            var data = SyntheticInteractions.Generate(users, Items, size, BenchData.Seed);
            var train = data.ToMatrix();
            foreach (var name in names)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                var before = GC.GetTotalMemory(forceFullCollection: true);
                var start = Stopwatch.GetTimestamp();
                var model = name == "biased-mf" ? AlgorithmCatalog.FitRating(name, data, train) : AlgorithmCatalog.FitTopN(name, data, train);
                var fit = Stopwatch.GetElapsedTime(start).TotalSeconds;
                var after = GC.GetTotalMemory(forceFullCollection: true);
                using var process = Process.GetCurrentProcess();
                var metrics = new Dictionary<string, double>
                {
                    ["interactions"] = train.NonZeroCount,
                    ["users"] = users,
                    ["model MB"] = (after - before) / 1048576.0,
                    ["peak WS MB"] = process.PeakWorkingSet64 / 1048576.0,
                };
                rows.Add(new BenchRow("scale", $"synthetic-{size}", name, metrics, fit, Note: $"{size:N0} generated, {Items} items"));
                Console.Error.WriteLine($"  {name} @ {size:N0}: fit {fit:F2} s");
                GC.KeepAlive(model);
            }
        }

        return rows;
    }
}
