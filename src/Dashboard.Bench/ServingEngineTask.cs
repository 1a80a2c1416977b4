using System.Diagnostics;
using System.Globalization;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Serving;

namespace Dashboard.Bench;

/// <summary>
/// The training job's engine part and in-process serving on a synthetic tenant: 20,000 end-users ×
/// 5,000 items × 1,000,000 interactions per million (ScaleBenchmarkRatings, seeded; stars 4–5 become
/// purchases, the rest views, one minute apart). Stages as the job runs them: columns into
/// <see cref="TrainingData"/>, time split, fit of the default blend on the train side, evaluation,
/// refit on everything, save and load; then top-10 latency for single requests (p50/p99 over 5,000
/// known end-users, one at a time) with and without recent events. Peak working set is the process'.
/// "evaluate + each component alone" is the evaluation the training job runs for the Metrics page; its time
/// less "evaluate" is what the components' own figures add to a training.
/// </summary>
internal static class ServingEngineTask
{
    public const int Items = 5_000;

    public static IReadOnlyList<BenchRow> Run(BenchOptions options)
    {
        var rows = new List<BenchRow>();
        foreach (var size in options.Sizes)
        {
            rows.AddRange(RunSize(size));
        }

        return rows;
    }

    private static List<BenchRow> RunSize(int size)
    {
        var users = Math.Max(100, size / 50);
        var dataset = $"synthetic {users:N0} × {Items:N0} × {size:N0}";
        var rows = new List<BenchRow>();
        var ratings = ScaleBenchmarkRatings.Generate(users, Items, size, BenchData.Seed).Ratings;

        var clock = Stopwatch.StartNew();
        var builder = new TrainingDataBuilder(ratings.Length);
        var userIds = new string[users];
        for (var u = 0; u < users; u++)
        {
            userIds[u] = "user-" + u.ToString(CultureInfo.InvariantCulture);
        }

        var itemIds = new string[Items];
        for (var i = 0; i < Items; i++)
        {
            itemIds[i] = "item-" + i.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var r in ratings)
        {
            builder.Add(userIds[r.User], itemIds[r.Item], r.Value >= 4 ? "purchase" : "view", 1, DateTime.UnixEpoch.AddSeconds(r.Timestamp).Ticks);
        }

        for (var i = 0; i < Items; i++)
        {
            builder.AddItem(itemIds[i], "Item " + i.ToString(CultureInfo.InvariantCulture), ["category-" + (i % 25).ToString(CultureInfo.InvariantCulture)]);
        }

        var data = builder.Build();
        rows.Add(Stage(dataset, "build training data", clock));

        var (train, test) = TimeSplit.Split(data);
        rows.Add(Stage(dataset, "time split", clock));

        var trainer = new BlendTrainer();
        var stages = new StageTimer();
        var model = trainer.Fit(train, BlendSpec.Default, stages, CancellationToken.None);
        stages.Finish();
        rows.AddRange(stages.Rows(dataset, "fit (train side)"));
        clock.Restart();

        var evaluation = trainer.Evaluate(model, test, 10, null);
        rows.Add(Stage(dataset, "evaluate", clock, new Dictionary<string, double>
        {
            ["NDCG@10"] = evaluation.Ndcg,
            ["P@10"] = evaluation.Precision,
            ["coverage"] = evaluation.CatalogCoverage,
            ["evaluated users"] = evaluation.EvaluatedEndUsers,
        }));

        // What the training job adds for the Metrics page: each component served alone. The default blend has one
        // component, whose figures are the blend's (no extra pass); a two-component blend shows the cost of the extra passes.
        rows.Add(EvaluateWithComponents(dataset, "evaluate + each component alone", trainer, model, test, clock));
        var pair = BlendSpec.Default with { Components = [.. BlendSpec.Default.Components, new ComponentSpec(ComponentKind.Popularity, 0.2)] };
        var pairModel = trainer.Fit(train, pair, null, CancellationToken.None);
        clock.Restart();
        trainer.Evaluate(pairModel, test, 10, null);
        rows.Add(Stage(dataset, "evaluate (ALS + popularity)", clock));
        rows.Add(EvaluateWithComponents(dataset, "evaluate + each component alone (ALS + popularity)", trainer, pairModel, test, clock));
        pairModel = null;

        model = null;
        stages = new StageTimer();
        var full = trainer.Fit(data, BlendSpec.Default, stages, CancellationToken.None);
        stages.Finish();
        rows.AddRange(stages.Rows(dataset, "refit (all data)"));
        clock.Restart();

        using var buffer = new MemoryStream();
        full.Save(buffer);
        rows.Add(Stage(dataset, "save", clock, new Dictionary<string, double> { ["model MB"] = buffer.Length / 1048576.0 }));
        buffer.Position = 0;
        var loaded = BlendModel.Load(buffer);
        rows.Add(Stage(dataset, "load", clock));

        rows.Add(Latency(dataset, "recommend top-10", loaded, userIds, null));
        rows.Add(Latency(dataset, "recommend top-10 + 3 recent events", loaded, userIds, new RecommendOptions
        {
            RecentEvents = [new RecentEvent(itemIds[1], "view"), new RecentEvent(itemIds[2], "purchase"), new RecentEvent(itemIds[3], "view")],
        }));

        using var process = Process.GetCurrentProcess();
        rows.Add(new BenchRow("serving-engine", dataset, "peak working set", new Dictionary<string, double> { ["peak WS MB"] = process.PeakWorkingSet64 / 1048576.0 }, 0));
        return rows;
    }

    private static BenchRow EvaluateWithComponents(string dataset, string name, BlendTrainer trainer, BlendModel model, TrainingData test, Stopwatch clock)
    {
        clock.Restart();
        var evaluation = trainer.Evaluate(model, test, 10, null, evaluateComponents: true);
        var figures = new Dictionary<string, double> { ["diversity"] = evaluation.IntraListDiversity };
        foreach (var component in evaluation.Components ?? [])
        {
            figures[$"{component.DisplayName} NDCG@10"] = component.Ndcg;
        }

        return Stage(dataset, name, clock, figures);
    }

    private static BenchRow Stage(string dataset, string name, Stopwatch clock, Dictionary<string, double>? metrics = null)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"{name}: {seconds:F2} s");
        clock.Restart();
        return new BenchRow("serving-engine", dataset, name, metrics ?? [], seconds);
    }

    private static BenchRow Latency(string dataset, string name, BlendModel model, string[] userIds, RecommendOptions? options)
    {
        const int requests = 5_000;
        var random = new Random(BenchData.Seed);
        for (var i = 0; i < 200; i++)
        {
            model.Recommend(userIds[random.Next(userIds.Length)], 10, options);
        }

        var micros = new double[requests];
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < requests; i++)
        {
            var user = userIds[random.Next(userIds.Length)];
            var start = Stopwatch.GetTimestamp();
            model.Recommend(user, 10, options);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        process.Refresh();

        // CPU time per request (one request at a time) is what a request costs without waiting for a core.
        var cpuMicros = (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / requests;
        Array.Sort(micros);
        var p50 = micros[requests / 2];
        var p99 = micros[(int)(requests * 0.99)];
        Console.Error.WriteLine($"{name}: p50 {p50:F0} µs, p99 {p99:F0} µs, CPU {cpuMicros:F0} µs per request");
        return new BenchRow(
            "serving-engine", dataset, name, new Dictionary<string, double> { ["p50 µs"] = p50, ["CPU µs/request"] = cpuMicros }, 0, micros.Average(), p99);
    }

    /// <summary>Turns the trainer's stage reports into wall-clock seconds per stage.</summary>
    private sealed class StageTimer : IProgress<TrainingProgress>
    {
        private readonly List<(string Stage, double Seconds)> _stages = [];
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private string? _current;

        public void Report(TrainingProgress value)
        {
            if (value.Stage != _current)
            {
                Close();
                _current = value.Stage;
            }
        }

        public void Finish() => Close();

        public IEnumerable<BenchRow> Rows(string dataset, string prefix)
        {
            foreach (var (stage, seconds) in _stages)
            {
                Console.Error.WriteLine($"{prefix} / {stage}: {seconds:F2} s");
                yield return new BenchRow("serving-engine", dataset, $"{prefix} / {stage}", new Dictionary<string, double>(), seconds);
            }

            var total = _stages.Sum(s => s.Seconds);
            Console.Error.WriteLine($"{prefix} total: {total:F2} s");
            yield return new BenchRow("serving-engine", dataset, $"{prefix} total", new Dictionary<string, double>(), total);
        }

        private void Close()
        {
            if (_current is not null && _current != "Done")
            {
                _stages.Add((_current, _clock.Elapsed.TotalSeconds));
            }

            _clock.Restart();
        }
    }
}
