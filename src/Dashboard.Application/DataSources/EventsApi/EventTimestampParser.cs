using System.Globalization;
using System.Text.Json;
using Dashboard.Application.DataSources.Import;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Reads when an event happened: ISO-8601 text (with an offset or Z; without one it is read as UTC) or
/// Unix seconds (a number, or text of digits). Events more than <see cref="MaxFutureSkew"/> after the
/// moment they were received are refused: they are clock errors, and training would treat them as the newest.
/// </summary>
public static class EventTimestampParser
{
    public static readonly TimeSpan MaxFutureSkew = ImportTimestamps.FutureTolerance;

    // Unix seconds of 9999-12-31T23:59:59Z, the last second DateTime can hold.
    private const double MaxUnixSeconds = 253_402_300_799;

    public static bool TryParse(JsonElement? value, DateTime receivedAtUtc, out DateTime occurredAtUtc, out string? error)
    {
        if (value is null || value.Value.ValueKind == JsonValueKind.Null)
        {
            occurredAtUtc = receivedAtUtc;
            error = null;
            return true;
        }

        var element = value.Value;
        return element.ValueKind switch
        {
            JsonValueKind.Number when element.TryGetDouble(out var seconds) => FromUnixSeconds(seconds, receivedAtUtc, out occurredAtUtc, out error),
            JsonValueKind.String => TryParse(element.GetString(), receivedAtUtc, out occurredAtUtc, out error),
            _ => Fail(out occurredAtUtc, out error, "Send the time as ISO-8601 text (2026-05-01T09:30:00Z) or as Unix seconds."),
        };
    }

    /// <summary>Text goes through the same rules as file imports (<see cref="ImportTimestamps"/>).</summary>
    public static bool TryParse(string? text, DateTime receivedAtUtc, out DateTime occurredAtUtc, out string? error) =>
        ImportTimestamps.TryParse(text, receivedAtUtc, out occurredAtUtc, out error);

    private static bool FromUnixSeconds(double seconds, DateTime receivedAtUtc, out DateTime occurredAtUtc, out string? error)
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
        return Check(utc, receivedAtUtc, out occurredAtUtc, out error);
    }

    private static bool Check(DateTime utc, DateTime receivedAtUtc, out DateTime occurredAtUtc, out string? error)
    {
        if (utc > receivedAtUtc + MaxFutureSkew)
        {
            return Fail(out occurredAtUtc, out error,
                $"{Iso(utc)} is more than {MaxFutureSkew.TotalMinutes:0} minutes in the future (the server's time is {Iso(receivedAtUtc)}); check the sender's clock and time zone.");
        }

        occurredAtUtc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        error = null;
        return true;
    }

    private static bool Fail(out DateTime occurredAtUtc, out string? error, string message)
    {
        occurredAtUtc = default;
        error = message;
        return false;
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
