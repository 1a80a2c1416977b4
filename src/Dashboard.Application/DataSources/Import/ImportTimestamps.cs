using System.Globalization;

namespace Dashboard.Application.DataSources.Import;

/// <summary>
/// Timestamps accepted by imports and the events API: Unix seconds (e.g. <c>881250949</c>), ISO-8601
/// (<c>2026-05-01T10:15:00Z</c>; without an offset it is UTC), or <c>yyyy-MM-dd HH:mm:ss</c> (UTC).
/// More than <see cref="FutureTolerance"/> after "now" is refused: clocks differ a little, never by days.
/// </summary>
public static class ImportTimestamps
{
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd",
    ];

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> is a sentence for a marketer.</summary>
    public static bool TryParse(string? text, DateTime nowUtc, out DateTime valueUtc, out string? error)
    {
        valueUtc = default;
        error = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            error = "The timestamp is empty.";
            return false;
        }

        if (long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
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

        if (valueUtc > nowUtc + FutureTolerance)
        {
            error = $"The time {valueUtc:yyyy-MM-dd HH:mm} UTC is in the future.";
            return false;
        }

        return true;
    }
}
