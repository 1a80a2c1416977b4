using System.Globalization;

namespace Dashboard.Recommender.Privacy;

/// <summary>
/// The generalisation steps of a k-anonymity hierarchy, applied to one attribute's column (one value per
/// record, null where the record has no value). Every output is a label a person can read in a report.
/// </summary>
public static class Generalisation
{
    /// <summary>The label of a record that has no value for the attribute: it forms a class of its own.</summary>
    public const string Missing = "(none)";

    /// <summary>
    /// The label of a value a numeric band cannot read. Such values are not dropped or guessed at: they share
    /// this one class, which is suppressed like any other when fewer than k records fall in it.
    /// </summary>
    public const string NotANumber = "not a number";

    public const string Other = "other";

    public const char Mask = '*';

    /// <summary>The band of <paramref name="value"/>: 37 with width 10 → "30–39", −3 → "-10–-1", 37.5 → "30–39"; width 1 → "37".</summary>
    public static string NumericBand(string? value, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (string.IsNullOrWhiteSpace(value))
        {
            return Missing;
        }

        if (!double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            return NotANumber;
        }

        var low = (long)Math.Floor(number / width) * width;
        var high = low + width - 1;
        return width == 1
            ? low.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{low}–{high}");
    }

    /// <summary>The first <paramref name="keep"/> characters, the rest masked so the length still shows: "75011" keeping 3 → "750**".</summary>
    public static string Prefix(string? value, int keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        if (string.IsNullOrWhiteSpace(value))
        {
            return Missing;
        }

        var trimmed = value.Trim();
        return trimmed.Length <= keep ? trimmed : string.Concat(trimmed.AsSpan(0, keep), new string(Mask, trimmed.Length - keep));
    }

    /// <summary>Each value, or "other" when fewer than <paramref name="minimumHolders"/> records hold it (compared exactly, case included).</summary>
    public static string[] RareToOther(IReadOnlyList<string?> column, int minimumHolders)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumHolders, 1);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in column)
        {
            var key = value ?? Missing;
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        var result = new string[column.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var key = column[i] ?? Missing;
            result[i] = key == Missing || counts[key] >= minimumHolders ? key : Other;
        }

        return result;
    }

    /// <summary>The column after <paramref name="rule"/>; a record with no value is labelled <see cref="Missing"/>.</summary>
    public static string[] Apply(GeneralisationRule rule, IReadOnlyList<string?> column)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(column);
        if (rule.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(rule));
        }

        if (rule.Method == GeneralisationMethod.RareValuesToOther)
        {
            return RareToOther(column, rule.Parameter);
        }

        var result = new string[column.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var value = column[i];
            result[i] = rule.Method switch
            {
                GeneralisationMethod.NumericBands => NumericBand(value, rule.Parameter),
                GeneralisationMethod.Prefix => Prefix(value, rule.Parameter),
                _ => string.IsNullOrWhiteSpace(value) ? Missing : value,
            };
        }

        return result;
    }
}
