using System.Globalization;
using System.Text;
using Dashboard.Application.DataSources.Import;
using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// The file an e-mail campaign's export writes: UTF-8 with a byte-order mark (so spreadsheets read accents), one row
/// per recommended item, every text cell through <see cref="CsvCells"/> as the report CSVs are, so an item title or an
/// end-user id that looks like a formula is shown, never run.
/// </summary>
public static class CampaignExportCsv
{
    public const string Header = "end_user_id,rank,item_id,title,score,recommendation_id,arm";

    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>UTF-8 that writes its byte-order mark first, as <see cref="Reports.ReportCsv"/> does.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The download's name: the campaign's name made safe for a file name, and the snapshot's moment.</summary>
    public static string FileName(string campaignName, DateTime snapshotAtUtc)
    {
        ArgumentNullException.ThrowIfNull(campaignName);
        var stem = new StringBuilder();
        foreach (var c in campaignName.Trim().ToLowerInvariant())
        {
            stem.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var name = string.Join('-', stem.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return string.Create(CultureInfo.InvariantCulture, $"campaign-{(name.Length > 0 ? name : "export")}-{snapshotAtUtc:yyyyMMdd-HHmm}.csv");
    }

    /// <summary>Writes one end-user's list: a row per item, in rank order.</summary>
    public static void WriteList(TextWriter writer, string storedEndUserId, IReadOnlyList<RecommendedItem> items, string recommendationId, string armName)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        var user = CsvCells.Escape(storedEndUserId);
        var arm = CsvCells.Escape(armName);
        foreach (var item in items)
        {
            writer.Write(user);
            writer.Write(',');
            writer.Write(item.Rank.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(CsvCells.Escape(item.ItemId));
            writer.Write(',');
            writer.Write(CsvCells.Escape(item.Title.Length > 0 ? item.Title : item.ItemId));
            writer.Write(',');
            writer.Write(item.Score.ToString("0.######", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(recommendationId);
            writer.Write(',');
            writer.Write(arm);
            writer.Write("\r\n");
        }
    }
}
