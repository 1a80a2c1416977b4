using System.Globalization;
using Dashboard.Application.DataSources.Ingestion;

namespace Dashboard.Application.DataSources.Import;

/// <summary>
/// Timestamps accepted by imports and the events API: Unix seconds (e.g. <c>881250949</c>), ISO-8601
/// (<c>2026-05-01T10:15:00Z</c>; without an offset it is UTC), or <c>yyyy-MM-dd HH:mm:ss</c> (UTC).
/// A time read is then checked against <see cref="IngestionRules.Time"/> (not too early, not in the future).
/// </summary>
public static class ImportTimestamps
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd",
    ];

    private static bool TryParseFast(string s, out DateTime value)
    {
        value = default;
        if (s.Length is not (19 or 20) || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':'
            || (s.Length == 20 && s[19] != 'Z'))
        {
            return false;
        }

        int Digits(int at, int count)
        {
            var n = 0;
            for (var i = at; i < at + count; i++)
            {
                var d = s[i] - '0';
                if ((uint)d > 9)
                {
                    return -1;
                }

                n = (n * 10) + d;
            }

            return n;
        }

        int year = Digits(0, 4), month = Digits(5, 2), day = Digits(8, 2), hour = Digits(11, 2), minute = Digits(14, 2), second = Digits(17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }

        value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc);
        return true;
    }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> is a sentence for a marketer.</summary>
    public static bool TryParse(string? text, AcceptedTimes accepted, out DateTime valueUtc, out string? error)
    {
        valueUtc = default;
        error = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "The timestamp is empty.";
            return false;
        }

        if (TryParseFast(trimmed, out valueUtc))
        {
            // The common shapes (2026-05-01 10:15:00, 2026-05-01T10:15:00Z) without the general parser.
        }
        else if (long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds < 0 || seconds > 253_402_300_799)
            {
                error = $"\"{EventTypes.Truncate(trimmed)}\" is not a valid Unix timestamp.";
                return false;
            }

            valueUtc = DateTime.UnixEpoch.AddSeconds(seconds);
        }
        else if (DateTimeOffset.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture,
                     DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            valueUtc = parsed.UtcDateTime;
        }
        else
        {
            error = $"\"{EventTypes.Truncate(trimmed)}\" is not a date we can read. Use Unix seconds, ISO-8601 (2026-05-01T10:15:00Z) or 2026-05-01 10:15:00.";
            return false;
        }

        error = IngestionRules.Time(valueUtc, accepted);
        return error is null;
    }
}
