using System.Globalization;

namespace Dashboard.Bench;

/// <summary>Command line: <c>&lt;task&gt; --data &lt;dir|file&gt; --format ml100k|ml1m|csv [--json out.json] [--algorithms a,b] [--sizes 100000,1000000] [--passes 2] [--pseudonymise off|on|both]</c>.</summary>
internal sealed record BenchOptions(
    string Task,
    string? Data,
    string Format,
    string? Json,
    IReadOnlyList<string>? Algorithms,
    IReadOnlyList<int> Sizes,
    int Passes = 1,
    int Seconds = 30,
    IReadOnlyList<bool>? Pseudonymise = null,
    bool TuneOnValidation = false,
    int Seeds = 5,
    int Folds = 5)
{
    public const string Usage =
        "usage: Dashboard.Bench <rating|topn|scale|import|train|write-fairness|serving-engine|k-anonymity|consent-gate|fairness-audit|audit-snapshot|erase|segment-size|campaign-export> --data <dir|file> --format ml100k|ml1m|csv [--json out.json] [--algorithms a,b] [--sizes 100000,1000000,10000000] [--passes 2 (import: the same file again into the same database)] [--seconds 30 (write-fairness: length of each scenario)] [--pseudonymise off|on|both (import: end-user ids as HMAC pseudonyms; both runs each twice)] [--tune validation|fixed (rating, topn: choose every setting on a validation split carved from training; default fixed)] [--seeds 5 (topn --tune validation: split seeds 42, 43, ...)] [--folds 5 (rating: run the first N of the five folds)]";

    /// <summary>Every task the program runs.</summary>
    private static readonly HashSet<string> Tasks =
        ["rating", "topn", "scale", "import", "train", "write-fairness", "serving-engine", "k-anonymity", "consent-gate", "fairness-audit", "audit-snapshot", "erase", "segment-size", "campaign-export"];

    /// <summary>Tasks that generate their own data when no <c>--data</c> is given.</summary>
    private static readonly HashSet<string> SyntheticTasks =
        ["scale", "import", "train", "write-fairness", "serving-engine", "k-anonymity", "consent-gate", "fairness-audit", "erase", "segment-size", "campaign-export"];

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

        var known = new HashSet<string>(["data", "format", "json", "algorithms", "sizes", "passes", "seconds", "pseudonymise", "tune", "seeds", "folds"], StringComparer.Ordinal);
        foreach (var key in values.Keys)
        {
            if (!known.Contains(key))
            {
                throw new ArgumentException($"Unknown option '--{key}'.");
            }
        }

        var task = args[0];
        if (!Tasks.Contains(task))
        {
            throw new ArgumentException($"Unknown task '{task}'.");
        }

        var data = values.GetValueOrDefault("data");
        var format = values.GetValueOrDefault("format") ?? (SyntheticTasks.Contains(task) ? "synthetic" : "");
        if (!SyntheticTasks.Contains(task) && (data is null || format is not ("ml100k" or "ml1m" or "csv")))
        {
            throw new ArgumentException("--data and --format ml100k|ml1m|csv are required.");
        }

        var sizes = values.TryGetValue("sizes", out var s)
            ? s.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray()
            : task is "import" or "train" or "consent-gate" or "serving-engine" or "erase" or "campaign-export" ? [1_000_000] : task is "k-anonymity" or "fairness-audit" or "segment-size" ? [100_000] : [100_000, 1_000_000, 10_000_000];
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

        IReadOnlyList<bool> pseudonymise = values.GetValueOrDefault("pseudonymise", "off") switch
        {
            "off" => [false],
            "on" => [true],
            "both" => [false, true],
            var other => throw new ArgumentException($"--pseudonymise must be off, on or both, not '{other}'."),
        };

        var tune = values.GetValueOrDefault("tune", "fixed") switch
        {
            "fixed" => false,
            "validation" => true,
            var other => throw new ArgumentException($"--tune must be fixed or validation, not '{other}'."),
        };
        var seeds = values.TryGetValue("seeds", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : 5;
        if (seeds < 1)
        {
            throw new ArgumentException("--seeds must be 1 or more.");
        }

        var folds = values.TryGetValue("folds", out var f) ? int.Parse(f, CultureInfo.InvariantCulture) : 5;
        if (folds is < 1 or > 5)
        {
            throw new ArgumentException("--folds must be between 1 and 5.");
        }

        return new BenchOptions(task, data, format, values.GetValueOrDefault("json"), algorithms, sizes, passes, seconds, pseudonymise, tune, seeds, folds);
    }
}
