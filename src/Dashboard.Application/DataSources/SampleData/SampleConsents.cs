using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Domain.Privacy;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// The consent the sample end-users gave, so a sample organisation trains and serves personalised lists at once:
/// every end-user with events grants <see cref="ConsentPurpose.Personalisation"/> and <see cref="ConsentPurpose.Analytics"/>
/// through the web banner at their first event, except every <see cref="NeverRecordedEvery"/>th end-user, who never
/// answered the banner (no record: left out of training while no record means not consented). Six in ten (by index,
/// <see cref="OptsIntoMarketing"/>) also tick the banner's newsletter box, granting <see cref="ConsentPurpose.MarketingMessages"/>,
/// so an e-mail campaign of a sample organisation has people it may write to.
/// </summary>
public static class SampleConsents
{
    public const int NeverRecordedEvery = 40;

    public const string Source = "web banner";

    public const string NoticeVersion = "2026-01";

    /// <summary>True for the end-users (by index) who have no consent record.</summary>
    public static bool NeverRecorded(int userIndex) => userIndex % NeverRecordedEvery == NeverRecordedEvery - 1;

    /// <summary>True for the end-users (by index) who also consent to marketing messages: indices ending in 1 to 6.</summary>
    public static bool OptsIntoMarketing(int userIndex) => userIndex % 10 is >= 1 and <= 6 && !NeverRecorded(userIndex);

    /// <summary>The records, as (end-user index, statement), in end-user order.</summary>
    public static IEnumerable<(int UserIndex, IngestedConsent Consent)> For(SampleDataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var first = new DateTime?[data.Users.Count];
        foreach (var row in data.Interactions)
        {
            if (first[row.UserIndex] is not { } at || row.OccurredAtUtc < at)
            {
                first[row.UserIndex] = row.OccurredAtUtc;
            }
        }

        var logEntry = 0;
        for (var u = 0; u < first.Length; u++)
        {
            if (first[u] is not { } at || NeverRecorded(u))
            {
                continue;
            }

            // A reference into the banner's consent log, as a real one would be: never the end-user's id, which
            // pseudonymisation replaces everywhere else and erasure must be able to remove.
            var proof = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"banner-log-{++logEntry:D7}");
            yield return (u, new IngestedConsent(ConsentPurpose.Personalisation, true, at, Source, NoticeVersion, proof));
            yield return (u, new IngestedConsent(ConsentPurpose.Analytics, true, at, Source, NoticeVersion, proof));
            if (OptsIntoMarketing(u))
            {
                yield return (u, new IngestedConsent(ConsentPurpose.MarketingMessages, true, at, Source, NoticeVersion, proof));
            }
        }
    }
}
