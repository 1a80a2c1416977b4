using System.Diagnostics;
using System.Runtime.CompilerServices;
using Dashboard.Recommender.Data;

namespace Dashboard.Bench;

/// <summary>
/// Fit time and memory on synthetic data of growing size. The catalogue is fixed at 2,000 items because
/// EASE is quadratic in items; users grow with the interaction count (~50 per user on average).
/// Each size runs in this process; "model MB" is the managed heap growth from just before the fit to
/// just after it with the model alive (full collections on both sides), "peak WS MB" the process'
/// peak working set so far (it includes the generated data and is monotone over the run).
/// </summary>
internal static class ScaleTask
{
    public const int Items = 2_000;

    /// <summary>
    /// Fits in its own frame so the model is unreachable once it returns; the managed heap is measured
    /// after full collections before the fit and with the fitted model still alive.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (double Seconds, double CpuSeconds, long ModelBytes) MeasureFit(string name, Dataset data, InteractionMatrix train)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var model = name == "biased-mf" ? AlgorithmCatalog.FitRating(name, data, train) : AlgorithmCatalog.FitTopN(name, data, train);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(model);
        return (seconds, cpu, after - before);
    }

    public static IReadOnlyList<BenchRow> Run(BenchOptions options)
    {
        var names = options.Algorithms ?? ["biased-mf"];
        var rows = new List<BenchRow>();
        foreach (var size in options.Sizes)
        {
            var users = Math.Max(100, size / 50);
            var data = ScaleBenchmarkRatings.Generate(users, Items, size, BenchData.Seed);
            var train = data.ToMatrix();
            foreach (var name in names)
            {
                var (fit, cpu, modelBytes) = MeasureFit(name, data, train);
                using var process = Process.GetCurrentProcess();
                var metrics = new Dictionary<string, double>
                {
                    ["interactions"] = train.NonZeroCount,
                    ["users"] = users,
                    ["fit CPU s"] = cpu,
                    ["model MB"] = modelBytes / 1048576.0,
                    ["peak WS MB"] = process.PeakWorkingSet64 / 1048576.0,
                };
                rows.Add(new BenchRow("scale", $"synthetic-{size}", name, metrics, fit, Note: $"{size:N0} generated, {Items} items"));
                Console.Error.WriteLine($"  {name} @ {size:N0}: fit {fit:F2} s");
            }
        }

        return rows;
    }
}
