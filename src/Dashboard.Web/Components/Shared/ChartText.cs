using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Preview;

namespace Dashboard.Web.Components.Shared;

/// <summary>Labels and values of the charts, written for people: words for keys, separators for numbers, ranges in order.</summary>
public static class ChartText
{
    /// <summary>The label the preview gives the values it folds together.</summary>
    public const string Other = DataPreviewService.OtherLabel;

    /// <summary>"age_band" → "Age band".</summary>
    public static string Key(string key) => PlainWords.From(key);

    public static string Count(double value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Price(decimal value) => value.ToString("N2", CultureInfo.CurrentCulture);

    public static string PriceRange(PriceBucket bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return $"{Price(bucket.From)} – {Price(bucket.To)}";
    }

    /// <summary>
    /// Ranges and numbers ("18-24", "25-34", "65+", "3 rooms") in their natural order, smallest first, when every
    /// label starts with a number; anything else keeps its order (most common first). "Other" stays last.
    /// </summary>
    public static IReadOnlyList<LabelledCount> InNaturalOrder(IReadOnlyList<LabelledCount> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var named = values.Where(v => v.Label != Other).ToList();
        if (named.Count < 2 || named.Any(v => LeadingNumber(v.Label) is null))
        {
            return values;
        }

        return [.. named.OrderBy(v => LeadingNumber(v.Label)).ThenBy(v => v.Label, StringComparer.Ordinal), .. values.Where(v => v.Label == Other)];
    }

    /// <summary>The number a label starts with ("&lt;18" counts as just below 18), or null.</summary>
    private static double? LeadingNumber(string label)
    {
        var text = label.TrimStart();
        var below = text.StartsWith('<');
        text = text.TrimStart('<', '≤', ' ');
        var length = 0;
        while (length < text.Length && (char.IsDigit(text[length]) || (text[length] == '.' && length > 0)))
        {
            length++;
        }

        return length > 0 && double.TryParse(text.AsSpan(0, length), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? below ? number - 0.5 : number
            : null;
    }
}
