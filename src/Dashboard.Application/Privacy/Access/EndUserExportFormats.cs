using System.Globalization;
using System.Text;
using System.Text.Json;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Import;

namespace Dashboard.Application.Privacy.Access;

/// <summary>
/// The two forms of an access export: JSON (snake_case, like the API) and CSV for a spreadsheet — one row per stored
/// fact (section, name, value, when, details), every cell escaped against formula injection (<see cref="CsvCells"/>).
/// </summary>
public static class EndUserExportFormats
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string CsvContentType = "text/csv; charset=utf-8";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true, Converters = { new UtcDateTimeJsonConverter() } };

    public static string FileName(EndUserExport export, string extension)
    {
        ArgumentNullException.ThrowIfNull(export);
        return $"end-user-export-{export.Reference}.{extension}";
    }

    public static byte[] ToJson(EndUserExport export) => JsonSerializer.SerializeToUtf8Bytes(export, Json);

    public static byte[] ToCsv(EndUserExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        var text = new StringBuilder();
        void Row(string section, string? name, string? value, DateTime? when, string? details) =>
            text.Append(CsvCells.Line(section, name, value, when is { } w ? UtcText.Format(w) : null, details)).Append("\r\n");

        text.Append(CsvCells.Line("section", "name", "value", "when_utc", "details")).Append("\r\n");
        Row("request", "reference", export.Reference, export.GeneratedAtUtc, export.Found ? "data found" : "nothing is stored under this id");
        Row("end-user", "id", export.EndUserId, export.FirstSeenUtc, null);
        foreach (var a in export.Attributes)
        {
            Row("attribute", a.Key, a.Value, null, string.Join("; ", new[] { a.Sensitive ? "sensitive" : null, a.QuasiIdentifier ? "quasi-identifier" : null }.OfType<string>()));
        }

        foreach (var e in export.Interactions)
        {
            Row("interaction", e.Type, e.ItemId, e.OccurredAtUtc, e.Value.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var c in export.Consents)
        {
            Row("consent", c.Purpose, c.Granted ? "granted" : "withdrawn", c.OccurredAtUtc,
                $"source: {c.Source}; notice: {c.NoticeVersion ?? "-"}; proof: {c.ProofReference ?? "-"}; recorded {UtcText.Format(c.RecordedAtUtc)}");
        }

        foreach (var f in export.RecommendationFeedback)
        {
            Row("recommendation feedback", f.Type, f.ItemId, f.OccurredAtUtc, $"list {f.RecommendationId}");
        }

        foreach (var s in export.RecommendationsServed)
        {
            Row("recommendations served", s.RecommendationId, string.Join(" ", s.ItemIds), s.ServedAtUtc, s.Personalised ? "personalised" : "not personalised");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
