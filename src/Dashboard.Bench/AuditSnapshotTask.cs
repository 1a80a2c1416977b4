using System.Diagnostics;
using Dashboard.Recommender.Fairness;
using Dashboard.Recommender.Serving;

namespace Dashboard.Bench;

/// <summary>
/// A version's bias audit end to end on MovieLens (1M: 1,000,209 ratings): the ratings become "rating" events
/// with the genres as categories, the time split holds out each user's latest 20 %, the default blend is fitted
/// on the training side and evaluated as the training job does; then the audit snapshot is built with the three
/// sensitive attributes of users.dat (gender, age, occupation), written and read back, and audited — with the
/// version's own re-ranking, and as a what-if with a long-tail boost, a category cap and MMR. The target
/// (issue #12) is the audit as the job runs it, read snapshot + audit, in 20 s or less on 2 cores.
/// MovieLens has no add-to-cart or purchase events, so the outcome-rate figures are not exercised here
/// (<c>fairness-audit</c> times them on synthetic events).
/// </summary>
internal static class AuditSnapshotTask
{
    private const int K = 10;

    public static IReadOnlyList<BenchRow> Run(BenchOptions options)
    {
        var rows = new List<BenchRow>();
        var clock = Stopwatch.StartNew();
        var all = BenchData.Load(options);
        var builder = new TrainingDataBuilder(all.Ratings.Length);
        foreach (var r in all.Ratings)
        {
            // This copy of ML-1M lacks some timestamps; those ratings sort first, so a user's held-out ratings
            // are their latest dated ones (ties, as for users without any date, go by item id).
            var ticks = r.HasTimestamp ? DateTime.UnixEpoch.AddSeconds(r.Timestamp).Ticks : 0;
            builder.Add(all.Users.IdAt(r.User), all.Items.IdAt(r.Item), TrainingData.RatingEventType, r.Value, ticks);
        }

        foreach (var (item, metadata) in all.ItemMetadata)
        {
            builder.AddItem(all.Items.IdAt(item), metadata.Title, metadata.Categories);
        }

        var data = builder.Build();
        var groups = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (user, attributes) in all.UserAttributes)
        {
            groups[all.Users.IdAt(user)] = attributes
                .Where(a => a.Key is "gender" or "age" or "occupation")
                .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        }

        var dataset = $"{options.Format} {data.Count:N0} ratings, {groups.Count:N0} users × 3 attributes";
        rows.Add(Stage(dataset, "load + training data", clock));

        var (train, test) = TimeSplit.Split(data);
        rows.Add(Stage(dataset, "time split", clock));

        var trainer = new BlendTrainer();
        var model = trainer.Fit(train, BlendSpec.Default, null, CancellationToken.None);
        rows.Add(Stage(dataset, "fit default blend (train side, not audit)", clock));

        var evaluation = trainer.Evaluate(model, test, K, null);
        rows.Add(Stage(dataset, "evaluate (training job, not audit)", clock, new Dictionary<string, double>
        {
            ["NDCG@10"] = evaluation.Ndcg,
            ["P@10"] = evaluation.Precision,
            ["users"] = evaluation.EvaluatedEndUsers,
        }));

        var snapshot = AuditSnapshot.Build(model, train, test, K, groups, new OutcomeNames("add_to_cart", "purchase"));
        rows.Add(Stage(dataset, "build snapshot (training job)", clock, new Dictionary<string, double> { ["users"] = snapshot.EvaluatedUsers }));

        using var buffer = new MemoryStream();
        snapshot.Write(buffer);
        rows.Add(Stage(dataset, "write snapshot", clock, new Dictionary<string, double> { ["MB"] = buffer.Length / 1048576.0 }));
        model = null;

        var audits = new List<(string Name, double Seconds)>();
        for (var pass = 1; pass <= 2; pass++)
        {
            clock.Restart();
            buffer.Position = 0;
            var read = AuditSnapshot.Read(buffer);
            var readSeconds = clock.Elapsed.TotalSeconds;
            rows.Add(Stage(dataset, $"read snapshot (pass {pass})", clock));

            var own = read.Audit(read.Rerank, new FairnessThresholds());
            rows.Add(Stage(dataset, $"audit, own re-ranking (pass {pass})", clock, Figures(own)));
            audits.Add(($"read + audit (pass {pass})", readSeconds + rows[^1].FitSeconds));

            var whatIf = read.Audit(new RerankSpec { LongTailBoost = 0.3, MaxPerCategory = 3, MmrLambda = 0.8 }, new FairnessThresholds());
            rows.Add(Stage(dataset, $"what-if audit: boost 0.3, cap 3, MMR 0.8 (pass {pass})", clock, Figures(whatIf)));
        }

        foreach (var (name, seconds) in audits)
        {
            Console.Error.WriteLine($"{name}: {seconds:F2} s");
            rows.Add(new BenchRow("audit-snapshot", dataset, name, new Dictionary<string, double>(), seconds, Note: "target ≤ 20 s"));
        }

        return rows;
    }

    private static Dictionary<string, double> Figures(AuditRun run) => new()
    {
        ["NDCG@10"] = run.NdcgAt10,
        ["P@10"] = run.PrecisionAt10,
        ["users"] = run.EvaluatedUsers,
        ["findings"] = run.Report.Findings.Count,
        ["failing"] = run.Report.Findings.Count(f => f.Verdict == Verdict.Fail),
    };

    private static BenchRow Stage(string dataset, string name, Stopwatch clock, Dictionary<string, double>? metrics = null)
    {
        var seconds = clock.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"{name}: {seconds:F2} s");
        clock.Restart();
        return new BenchRow("audit-snapshot", dataset, name, metrics ?? [], seconds);
    }
}
