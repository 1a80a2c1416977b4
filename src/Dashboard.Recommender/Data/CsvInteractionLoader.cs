using System.Globalization;
using System.Text;

namespace Dashboard.Recommender.Data;

/// <summary>
/// Reads generic interaction files: <c>user,item,value[,timestamp]</c>, one per line, header optional.
/// The value is either a number (a rating or weight) or an event type (<c>view</c>, <c>purchase</c>, …)
/// turned into a number by <see cref="EventWeights"/>. The timestamp is Unix seconds or an ISO 8601
/// date/time, and may be empty. The first line is taken as a header when its value field is neither
/// a number nor a known event type.
/// </summary>
public static class CsvInteractionLoader
{
    public static Dataset Load(string path, EventWeights? weights = null, char separator = ',')
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Parse(reader, weights, separator);
    }

    public static Dataset Parse(TextReader reader, EventWeights? weights = null, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        weights ??= EventWeights.Default;
        var users = new IdMap();
        var items = new IdMap();
        var ratings = new List<Rating>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(separator);
            if (fields.Length < 3)
            {
                throw new FormatException($"Line {lineNumber} has {fields.Length} fields; expected user{separator}item{separator}value[{separator}timestamp].");
            }

            var value = Unquote(fields[2]);
            if (!TryValue(value, weights, out var weight))
            {
                if (lineNumber == 1)
                {
                    continue;
                }

                throw new FormatException($"Line {lineNumber}: '{value}' is neither a number nor a known event type.");
            }

            var timestamp = fields.Length > 3 ? ParseTimestamp(Unquote(fields[3]), lineNumber) : Rating.NoTimestamp;
            var user = Unquote(fields[0]);
            var item = Unquote(fields[1]);
            if (user.Length == 0 || item.Length == 0)
            {
                throw new FormatException($"Line {lineNumber} has an empty user or item id.");
            }

            ratings.Add(new Rating(users.GetOrAdd(user), items.GetOrAdd(item), weight, timestamp));
        }

        return new Dataset(users, items, [.. ratings]);
    }

    private static bool TryValue(string text, EventWeights weights, out float value)
    {
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        var known = weights.TryGetWeight(text, out var weight);
        value = (float)weight;
        return known;
    }

    private static long ParseTimestamp(string text, int lineNumber)
    {
        if (text.Length == 0)
        {
            return Rating.NoTimestamp;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            return when.ToUnixTimeSeconds();
        }

        throw new FormatException($"Line {lineNumber}: timestamp '{text}' is neither Unix seconds nor an ISO 8601 date.");
    }

    private static string Unquote(string field)
    {
        var trimmed = field.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1] : trimmed;
    }
}
