using System.Globalization;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.Privacy;

namespace Dashboard.Application.Privacy;

/// <summary>
/// A consent file for the demo organisation's end-users (u00001 … u02000): some withdraw Personalisation, some
/// withdraw Marketing messages they never granted, one re-grants after withdrawing (rows out of time order), and a
/// few who never answered the banner grant it. Dated just before <c>now</c>, so it supersedes the demo's own grants
/// (given at each end-user's first event) whenever it is imported. Columns are the consent dataset's own names, so
/// the mapping step maps them by itself.
/// </summary>
public static class SampleConsentFile
{
    public const string FileName = "sample-consents.csv";

    public const string Header = "user_id,purpose,state,occurred_at,source,notice_version,proof_reference";

    /// <summary>End-users (numbers) who withdraw Personalisation: every 50th from u00005.</summary>
    public static IEnumerable<int> WithdrawingPersonalisation => Enumerable.Range(0, 40).Select(i => 5 + (50 * i));

    /// <summary>The one end-user who withdraws and then grants Personalisation again (the grant row comes first in the file).</summary>
    public const int Regranting = 12;

    /// <summary>End-users who withdraw Marketing messages, which they never granted.</summary>
    public static IEnumerable<int> WithdrawingMarketing => [21, 22, 23];

    /// <summary>End-users the demo left without a record (see <see cref="SampleConsents.NeverRecorded"/>) who now grant Personalisation.</summary>
    public static IEnumerable<int> LateGranting => [40, 80];

    public static string Create(DateTime nowUtc)
    {
        var at = nowUtc.AddHours(-1);
        var text = new List<string>();
        foreach (var user in WithdrawingPersonalisation)
        {
            Row(text, user, ConsentPurpose.Personalisation, "withdrawn", at, "preference centre");
        }

        Row(text, Regranting, ConsentPurpose.Personalisation, "granted", at.AddMinutes(10), "preference centre");
        Row(text, Regranting, ConsentPurpose.Personalisation, "withdrawn", at, "preference centre");
        foreach (var user in WithdrawingMarketing)
        {
            Row(text, user, ConsentPurpose.MarketingMessages, "withdrawn", at, "email footer");
        }

        foreach (var user in LateGranting)
        {
            Row(text, user, ConsentPurpose.Personalisation, "granted", at, "web banner");
        }

        return Header + "\n" + string.Concat(text);
    }

    public static string UserId(int number) => "u" + number.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>
    /// One row. The proof reference points into the channel's own log (the row's line number stands in for the log
    /// entry), never at the end-user's id, which pseudonymisation replaces everywhere and erasure must be able to remove.
    /// </summary>
    private static void Row(List<string> rows, int user, string purpose, string state, DateTime at, string source)
    {
        var line = rows.Count + 2; // the header is line 1
        rows.Add(string.Create(CultureInfo.InvariantCulture,
            $"{UserId(user)},{purpose},{state},{at:yyyy-MM-dd'T'HH:mm:ss'Z'},{source},2026-02,{source.Replace(' ', '-')}-log-{at:yyyyMMdd}-{line:D4}\n"));
    }
}
