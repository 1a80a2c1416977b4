using System.Globalization;

namespace Dashboard.Bench;

/// <summary>Command line: <c>&lt;task&gt; --data &lt;dir|file&gt; --format ml100k|ml1m|csv [--json out.json] [--algorithms a,b] [--sizes 100000,1000000] [--passes 2]</c>.</summary>
internal sealed record BenchOptions(
    string Task,
    string? Data,
    string Format,
    string? Json,
    IReadOnlyList<string>? Algorithms,
    IReadOnlyList<int> Sizes,
    int Passes = 1,
    int Seconds = 30)
{
    public const string Usage =
        "usage: Dashboard.Bench <rating|topn|scale|import|train|write-fairness|serving-engine|erase> --data <dir|file> --format ml100k|ml1m|csv [--json out.json] [--algorithms a,b] [--sizes 100000,1000000,10000000] [--passes 2 (import: the same file again into the same database)] [--seconds 30 (write-fairness: length of each scenario)]";

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            throw new ArgumentException("The first argument must be the task.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--name value' at '{args[i]}'.");
            }

            values[args[i][2..]] = args[++i];
        }

        var known = new HashSet<string>(["data", "format", "json", "algorithms", "sizes", "passes", "seconds"], StringComparer.Ordinal);
        foreach (var key in values.Keys)
        {
            if (!known.Contains(key))
            {
                throw new ArgumentException($"Unknown option '--{key}'.");
            }
        }

        var task = args[0];
        if (task is not ("rating" or "topn" or "scale" or "import" or "train" or "write-fairness" or "serving-engine" or "erase"))
        {
            throw new ArgumentException($"Unknown task '{task}'.");
        }

        var data = values.GetValueOrDefault("data");
        var format = values.GetValueOrDefault("format") ?? (task is "scale" or "import" or "train" or "write-fairness" or "serving-engine" or "erase" ? "synthetic" : "");
        if (task is not ("scale" or "import" or "train" or "write-fairness" or "serving-engine" or "erase") && (data is null || format is not ("ml100k" or "ml1m" or "csv")))
        {
            throw new ArgumentException("--data and --format ml100k|ml1m|csv are required.");
        }

        var sizes = values.TryGetValue("sizes", out var s)
            ? s.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray()
            : task is "import" or "train" or "serving-engine" or "erase" ? [1_000_000] : [100_000, 1_000_000, 10_000_000];
        var algorithms = values.TryGetValue("algorithms", out var a) ? a.Split(',', StringSplitOptions.RemoveEmptyEntries) : null;
        var passes = values.TryGetValue("passes", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 1;
        if (passes < 1)
        {
            throw new ArgumentException("--passes must be 1 or more.");
        }

        var seconds = values.TryGetValue("seconds", out var t) ? int.Parse(t, CultureInfo.InvariantCulture) : 30;
        if (seconds < 1)
        {
            throw new ArgumentException("--seconds must be 1 or more.");
        }

        return new BenchOptions(task, data, format, values.GetValueOrDefault("json"), algorithms, sizes, passes, seconds);
    }
}
