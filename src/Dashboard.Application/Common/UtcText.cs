using System.Globalization;

namespace Dashboard.Application.Common;

/// <summary>
/// The one way the product writes a point in time for people: "2026-11-30 16:05 UTC". Times are stored in
/// UTC and every page, export and audit sentence shows them the same way, whatever the server's culture.
/// </summary>
public static class UtcText
{
    public const string Pattern = "yyyy-MM-dd HH:mm 'UTC'";

    public static string Format(DateTime utc) => AsUtc(utc).ToString(Pattern, CultureInfo.InvariantCulture);

    public static string Format(DateTime? utc, string whenMissing) => utc is { } value ? Format(value) : whenMissing;

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Database values come back without a kind; they were written as UTC.</summary>
    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => value,
    };
}
