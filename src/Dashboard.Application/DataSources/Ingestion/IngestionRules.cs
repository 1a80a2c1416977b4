using System.Globalization;
using System.Text;
using Dashboard.Application.DataSources.Import;
using Dashboard.Domain.Data;
using Dashboard.Domain.Privacy;

namespace Dashboard.Application.DataSources.Ingestion;

/// <summary>
/// The one set of field rules for everything that enters a tenant's data, whichever way it comes (file
/// or SQL import, events API, sample data): ids, titles and texts, prices, event types, values, times
/// and attributes. Each check returns null when the value is acceptable, otherwise a sentence for the
/// person who sent it; the callers only decide how to report it (a row error, a batch problem).
/// </summary>
public static class IngestionRules
{
    public const int MaxIdLength = EndUser.ExternalIdMaxLength;

    /// <summary>Ratings are MovieLens style: 0.5 to 5.</summary>
    public const double MinRating = 0.5;

    public const double MaxRating = 5;

    /// <summary>The largest price the decimal(18,2) column holds.</summary>
    public const decimal MaxPrice = 9_999_999_999_999_999.99m;

    /// <summary>Clocks differ a little, never by days: a time further ahead of "now" than this is refused.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The earliest event time accepted unless configured otherwise: 0001-01-01 or Unix 0 are missing
    /// dates, not events, and would fall outside every chart.
    /// </summary>
    public static readonly DateTime DefaultEarliestUtc = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// An end-user or item id, trimmed into <paramref name="id"/>: not empty, at most
    /// <see cref="MaxIdLength"/> characters, and without control, invisible or text-direction characters
    /// (Unicode categories Cc, Cf, Zl, Zp), which would make ids that look equal differ.
    /// </summary>
    public static string? Id(string? raw, string what, out string id)
    {
        id = raw?.Trim() ?? string.Empty;
        if (id.Length == 0)
        {
            return $"The {what} is empty.";
        }

        if (id.Length > MaxIdLength)
        {
            return $"The {what} is {id.Length:N0} characters long; at most {MaxIdLength} are allowed.";
        }

        foreach (var rune in id.EnumerateRunes())
        {
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                    return $"The {what} contains a control character (U+{rune.Value:X4}).";
                case UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    return $"The {what} contains an invisible or text-direction character (U+{rune.Value:X4}); remove it so that ids that look the same are the same.";
            }
        }

        return null;
    }

    /// <summary>An item title, trimmed into <paramref name="title"/>: required, at most <see cref="Item.TitleMaxLength"/> characters.</summary>
    public static string? Title(string? raw, out string title)
    {
        title = raw?.Trim() ?? string.Empty;
        return title.Length == 0 ? "A title is required." : Length(title, Item.TitleMaxLength, "title");
    }

    public static string? Category(string? category) => Length(category, Item.CategoryMaxLength, "category");

    /// <summary>Tags as stored: comma-separated, at most <see cref="Item.TagsMaxLength"/> characters together.</summary>
    public static string? Tags(string? tags) => Length(tags, Item.TagsMaxLength, "tags");

    /// <summary>One tag sent on its own (the events API): not empty, no comma (the stored separator).</summary>
    public static string? Tag(string? tag) =>
        string.IsNullOrWhiteSpace(tag) ? "The tag is empty."
        : tag.Contains(',', StringComparison.Ordinal) ? "A tag cannot contain a comma; send each tag separately."
        : null;

    /// <summary>Tags sent one by one, as stored: trimmed, empty ones left out, comma-separated.</summary>
    public static string JoinTags(IEnumerable<string?> tags) =>
        string.Join(",", tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()));

    public static string? Price(decimal price) =>
        price < 0 || price > MaxPrice ? $"The price must be zero or more and at most {MaxPrice.ToString("N2", CultureInfo.InvariantCulture)}." : null;

    /// <summary>A price written as text (imports): a plain number such as 12.50, then <see cref="Price(decimal)"/>.</summary>
    public static string? Price(string text, out decimal price)
    {
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out price))
        {
            return $"The price \"{EventTypes.Truncate(text)}\" is not a number like 12.50.";
        }

        return Price(price);
    }

    public static string? EventType(string? text, out InteractionType type) =>
        EventTypes.TryParse(text, out type) ? null : EventTypes.UnknownMessage(text);

    public static string? Rating(double value) =>
        double.IsFinite(value) && value is >= MinRating and <= MaxRating
            ? null
            : $"The rating {value.ToString(CultureInfo.InvariantCulture)} is outside {MinRating.ToString(CultureInfo.InvariantCulture)}–{MaxRating.ToString(CultureInfo.InvariantCulture)}.";

    /// <summary>The count or amount of an event that is not a rating (imports may weight events by it): a number of 0 or more.</summary>
    public static string? EventValue(double value) =>
        double.IsFinite(value) && value >= 0 ? null : $"The value {value.ToString(CultureInfo.InvariantCulture)} is not a number of 0 or more.";

    /// <summary>When an event happened: not before the configured earliest time, not in the future.</summary>
    public static string? Time(DateTime utc, AcceptedTimes accepted)
    {
        if (utc < accepted.EarliestUtc)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The time {utc:yyyy-MM-dd HH:mm} UTC is before {accepted.EarliestUtc:yyyy-MM-dd}, the earliest time accepted; a date of 0001-01-01 or Unix 0 usually means the time is missing.");
        }

        return utc > accepted.NowUtc + FutureTolerance
            ? string.Create(CultureInfo.InvariantCulture,
                $"The time {utc:yyyy-MM-dd HH:mm} UTC is more than {FutureTolerance.TotalMinutes:0} minutes in the future (the server's time is {accepted.NowUtc:yyyy-MM-dd HH:mm} UTC); check the sender's clock and time zone.")
            : null;
    }

    public static string? AttributeKey(string? key) =>
        string.IsNullOrWhiteSpace(key) ? "The attribute name is missing." : Length(key.Trim(), EndUserAttribute.KeyMaxLength, "attribute name");

    public static string? AttributeValue(string? value) =>
        value is null ? "The attribute value is missing." : Length(value, EndUserAttribute.ValueMaxLength, "value");

    /// <summary>
    /// A consent purpose: one of the tenant's purposes (<paramref name="known"/>, matched without regard to case),
    /// written into <paramref name="purpose"/> as the tenant spells it.
    /// </summary>
    public static string? ConsentPurpose(string? raw, IReadOnlyList<string> known, out string purpose)
    {
        ArgumentNullException.ThrowIfNull(known);
        var text = raw?.Trim() ?? string.Empty;
        purpose = known.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        if (text.Length == 0)
        {
            return "The purpose is empty.";
        }

        return purpose.Length > 0
            ? null
            : $"The purpose \"{EventTypes.Truncate(text)}\" is not one of this organisation's purposes ({string.Join(", ", known)}); add it on the Privacy page first or correct the name.";
    }

    /// <summary>A consent state: granted / withdrawn, also true / false, yes / no, 1 / 0 (any case).</summary>
    public static string? ConsentState(string? raw, out bool granted)
    {
        switch (raw?.Trim().ToUpperInvariant())
        {
            case "GRANTED" or "TRUE" or "YES" or "1":
                granted = true;
                return null;
            case "WITHDRAWN" or "FALSE" or "NO" or "0":
                granted = false;
                return null;
            default:
                granted = false;
                return string.IsNullOrWhiteSpace(raw)
                    ? "The consent state is empty; send granted or withdrawn."
                    : $"The consent state \"{EventTypes.Truncate(raw.Trim())}\" is not granted or withdrawn (true/false, yes/no and 1/0 are accepted too).";
        }
    }

    /// <summary>The channel the consent came through, trimmed; <paramref name="channel"/> (e.g. "file import") when none is given.</summary>
    public static string? ConsentSource(string? raw, string channel, out string source)
    {
        source = string.IsNullOrWhiteSpace(raw) ? channel : raw.Trim();
        return Length(source, ConsentRecord.SourceMaxLength, "source");
    }

    /// <summary>An optional consent field (notice version, proof reference), trimmed; empty becomes null.</summary>
    public static string? ConsentText(string? raw, int max, string what, out string? text)
    {
        text = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
        return Length(text, max, what);
    }

    private static string? Length(string? text, int max, string what) =>
        text is { Length: var n } && n > max ? $"The {what} is {n:N0} characters long; at most {max} are allowed." : null;
}
