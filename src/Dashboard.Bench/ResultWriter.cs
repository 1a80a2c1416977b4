using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Dashboard.Bench;

/// <summary>Prints rows as a Markdown table (pasteable into docs) and writes them as JSON.</summary>
internal static class ResultWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string ToMarkdown(IReadOnlyList<BenchRow> rows)
    {
        var metricNames = rows.SelectMany(r => r.Metrics.Keys).Distinct().ToList();
        var withTiming = rows.Any(r => r.RecommendMicrosMean is not null);
        var header = new List<string> { "algorithm" };
        header.AddRange(metricNames);
        header.Add("fit s");
        if (withTiming)
        {
            header.Add("rec µs/user");
            header.Add("rec p99 µs");
        }

        header.Add("note");
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        text.Append('|').AppendJoin('|', header.Select(_ => "---")).AppendLine("|");
        foreach (var row in rows)
        {
            var cells = new List<string> { row.Algorithm };
            cells.AddRange(metricNames.Select(m => row.Metrics.TryGetValue(m, out var v) ? Format(v) + FormatSpread(row, m) : ""));
            cells.Add(row.FitSeconds.ToString("F2", CultureInfo.InvariantCulture));
            if (withTiming)
            {
                cells.Add(row.RecommendMicrosMean?.ToString("F0", CultureInfo.InvariantCulture) ?? "");
                cells.Add(row.RecommendMicrosP99?.ToString("F0", CultureInfo.InvariantCulture) ?? "");
            }

            cells.Add(row.Note ?? "");
            text.Append("| ").AppendJoin(" | ", cells).AppendLine(" |");
        }

        return text.ToString();
    }

    public static void WriteJson(string path, IReadOnlyList<BenchRow> rows)
    {
        File.WriteAllText(path, JsonSerializer.Serialize(rows, JsonOptions));
    }

    private static string FormatSpread(BenchRow row, string metric) =>
        row.Spread is not null && row.Spread.TryGetValue(metric, out var sd) && double.IsFinite(sd) ? " ± " + Format(sd) : "";

    private static string Format(double value) =>
        Math.Abs(value) >= 1000
            ? value.ToString("N0", CultureInfo.InvariantCulture)
            : value.ToString("F4", CultureInfo.InvariantCulture);
}
