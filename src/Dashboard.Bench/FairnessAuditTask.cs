using System.Diagnostics;
using Dashboard.Recommender.Data;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Bench;

/// <summary>
/// The engine part of a bias audit (<see cref="FairnessAudit"/>) on synthetic data generated with
/// seed 42: N end-users (default 100,000) with top-10 lists over 5,000 items in 25 categories, three
/// relevant and twenty history items each, ten add-to-cart events each with a purchase after half of
/// them (about 15 events per end-user, 1.5 M for 100,000), and three sensitive attributes
/// (region: 5 groups, age band: 7, gender: 3). Generation is not timed; the audit (200 bootstrap
/// resamples per group) is, cold (first run, JIT included) and warm.
/// </summary>
internal static class FairnessAuditTask
{
    private const int Items = 5_000;
    private const int CategoryCount = 25;
    private const int K = 10;

    public static IReadOnlyList<BenchRow> Run(BenchOptions options)
    {
        var rows = new List<BenchRow>();
        foreach (var size in options.Sizes)
        {
            var (input, attributes) = Generate(size);
            var dataset = $"synthetic {size:N0} end-users × {K} slots, {input.Outcomes!.Users.Length:N0} events, 3 attributes";
            foreach (var run in new[] { "cold", "warm" })
            {
                var clock = Stopwatch.StartNew();
                var report = FairnessAudit.Run(input, attributes);
                clock.Stop();
                var failing = 0;
                foreach (var f in report.Findings)
                {
                    failing += f.Verdict == Verdict.Fail ? 1 : 0;
                }

                rows.Add(new BenchRow("fairness-audit", dataset, run,
                    new Dictionary<string, double> { ["findings"] = report.Findings.Count, ["failing"] = failing, ["gini"] = report.ItemSide.ExposureGini },
                    clock.Elapsed.TotalSeconds));
            }
        }

        return rows;
    }

    private static (FairnessAuditInput Input, SensitiveFeature[] Attributes) Generate(int users)
    {
        var random = new Random(BenchData.Seed);
        var categoryOf = new int[Items];
        var popularity = new int[Items];
        for (var i = 0; i < Items; i++)
        {
            categoryOf[i] = i % CategoryCount;
            popularity[i] = 1 + (int)(1000 * Math.Pow(random.NextDouble(), 4));
        }

        var categories = ItemCategories.FromSingle(CategoryCount, categoryOf);
        var region = new int[users];
        var age = new int[users];
        var gender = new int[users];
        var metrics = new UserListMetrics[users];
        var history = new int[users][];
        var eventUsers = new List<int>(users * 15);
        var eventItems = new List<int>(users * 15);
        var eventKinds = new List<int>(users * 15);
        var relevant = new HashSet<int>();
        for (var u = 0; u < users; u++)
        {
            region[u] = random.Next(5);
            age[u] = random.Next(7);
            gender[u] = random.Next(3);
            var list = new int[K];
            for (var s = 0; s < K; s++)
            {
                int item;
                do
                {
                    item = (int)(Items * Math.Pow(random.NextDouble(), 2));
                }
                while (Array.IndexOf(list, item, 0, s) >= 0);

                list[s] = item;
            }

            relevant.Clear();
            while (relevant.Count < 3)
            {
                relevant.Add(random.Next(Items));
            }

            relevant.Add(list[random.Next(K)]);
            metrics[u] = UserListMetrics.Measure(u, list, relevant, K);
            var seen = new int[20];
            for (var h = 0; h < seen.Length; h++)
            {
                seen[h] = random.Next(Items);
            }

            history[u] = seen;
            for (var e = 0; e < 10; e++)
            {
                var item = random.Next(Items);
                eventUsers.Add(u);
                eventItems.Add(item);
                eventKinds.Add(0);
                if (random.NextDouble() < 0.5)
                {
                    eventUsers.Add(u);
                    eventItems.Add(item);
                    eventKinds.Add(1);
                }
            }
        }

        var events = new OutcomeEvents([.. eventUsers], [.. eventItems], [.. eventKinds], 0, 1, "add-to-cart", "purchase");
        SensitiveFeature[] attributes =
        [
            new("region", ["North", "East", "South", "West", "Centre"], region),
            new("age band", ["18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+"], age),
            new("gender", ["female", "male", "other"], gender),
        ];
        return (new FairnessAuditInput(users, metrics, history, popularity, categories, events), attributes);
    }
}
