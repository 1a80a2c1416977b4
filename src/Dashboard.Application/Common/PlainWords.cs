using System.Globalization;
using System.Text;

namespace Dashboard.Application.Common;

/// <summary>
/// Turns code names into words a reader expects: "SkipBadRows" → "Skip bad rows", "age_band" → "Age band",
/// "SqlDatabase" → "SQL database". Used where an enum value or a data key would otherwise be shown raw.
/// </summary>
public static class PlainWords
{
    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sql"] = "SQL", ["api"] = "API", ["csv"] = "CSV", ["id"] = "ID", ["url"] = "URL", ["utc"] = "UTC",
    };

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => From(value.ToString());

    /// <summary>"1 stored model", "2 stored models", "1,888 end-users": a count with its noun in the right number.</summary>
    public static string Counted(long count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? singular : plural ?? singular + "s")}");

    /// <summary>Names whose words the splitting below would get wrong.</summary>
    private static readonly Dictionary<string, string> Whole = new(StringComparer.Ordinal)
    {
        ["MovieLens100K"] = "MovieLens 100K", ["MovieLens1M"] = "MovieLens 1M",
        // A campaign's channel, spelt as the campaign editor offers it.
        ["Email"] = "E-mail",
    };

    public static string From(string? identifier)
    {
        if (string.IsNullOrWhiteSpace(identifier))
        {
            return string.Empty;
        }

        if (Whole.TryGetValue(identifier.Trim(), out var known))
        {
            return known;
        }

        var words = Split(identifier.Trim());
        var text = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var plain = Acronyms.TryGetValue(word, out var acronym) ? acronym
                : word.All(char.IsUpper) && word.Length > 1 ? word
                : word.ToLower(CultureInfo.InvariantCulture);
            if (i == 0)
            {
                plain = char.ToUpper(plain[0], CultureInfo.InvariantCulture) + plain[1..];
            }

            text.Append(i == 0 ? string.Empty : " ").Append(plain);
        }

        return text.ToString();
    }

    /// <summary>Words split at '_', '-', '.', spaces and lower-to-upper case changes ("HTTPServer" stays one word until "Server").</summary>
    private static List<string> Split(string identifier)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (c is '_' or '-' or '.' or ' ')
            {
                Flush();
                continue;
            }

            var startsWord = current.Length > 0 && char.IsUpper(c)
                && (char.IsLower(identifier[i - 1]) || char.IsDigit(identifier[i - 1]) || (i + 1 < identifier.Length && char.IsLower(identifier[i + 1])));
            if (startsWord)
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
