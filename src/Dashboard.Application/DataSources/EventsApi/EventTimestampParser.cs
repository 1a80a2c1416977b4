using System.Text.Json;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.Ingestion;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Reads when an event happened: ISO-8601 text (with an offset or Z; without one it is read as UTC) or
/// Unix seconds (a number, or text of digits). The time is then checked by <see cref="IngestionRules.Time"/>:
/// events far in the future are clock errors (training would treat them as the newest), events before
/// the earliest accepted time are missing dates.
/// </summary>
public static class EventTimestampParser
{
    // Unix seconds of 9999-12-31T23:59:59Z, the last second DateTime can hold.
    private const double MaxUnixSeconds = 253_402_300_799;

    public static bool TryParse(JsonElement? value, AcceptedTimes accepted, out DateTime occurredAtUtc, out string? error)
    {
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            occurredAtUtc = accepted.NowUtc;
            error = null;
            return true;
        }

        var element = value.Value;
        return element.ValueKind switch
        {
            JsonValueKind.Number when element.TryGetDouble(out var seconds) => FromUnixSeconds(seconds, accepted, out occurredAtUtc, out error),
            JsonValueKind.String => TryParse(element.GetString(), accepted, out occurredAtUtc, out error),
            _ => Fail(out occurredAtUtc, out error, "Send the time as ISO-8601 text (2026-05-01T09:30:00Z) or as Unix seconds."),
        };
    }

    /// <summary>Text goes through the same rules as file imports (<see cref="ImportTimestamps"/>).</summary>
    public static bool TryParse(string? text, AcceptedTimes accepted, out DateTime occurredAtUtc, out string? error) =>
        ImportTimestamps.TryParse(text, accepted, out occurredAtUtc, out error);

    private static bool FromUnixSeconds(double seconds, AcceptedTimes accepted, out DateTime occurredAtUtc, out string? error)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return Fail(out occurredAtUtc, out error, "Unix seconds must be a number of seconds since 1970-01-01 (zero or more).");
        }

        if (seconds > MaxUnixSeconds)
        {
            return Fail(out occurredAtUtc, out error, "That number is too large for Unix seconds; milliseconds must be divided by 1,000.");
        }

        var utc = DateTime.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
        error = IngestionRules.Time(utc, accepted);
        occurredAtUtc = error is null ? DateTime.SpecifyKind(utc, DateTimeKind.Utc) : default;
        return error is null;
    }

    private static bool Fail(out DateTime occurredAtUtc, out string? error, string message)
    {
        occurredAtUtc = default;
        error = message;
        return false;
    }
}
