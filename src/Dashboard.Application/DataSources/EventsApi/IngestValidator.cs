using System.Globalization;
using Dashboard.Application.DataSources.Import;
using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Checks every row of a batch and collects every problem (not just the first), so a client can fix a
/// whole batch in one round trip. Messages are written for the person reading the response.
/// </summary>
internal static class IngestValidator
{
    public const double MinRating = 0.5;
    public const double MaxRating = 5;

    // decimal(18,2): 16 digits before the point.
    private const decimal MaxPrice = 9_999_999_999_999_999m;

    public static List<IngestProblem> Users(IReadOnlyList<UserInput?> rows)
    {
        var problems = new List<IngestProblem>();
        var firstRowById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                problems.Add(new IngestProblem(i, "", "The row is empty (null)."));
                continue;
            }

            if (CheckId(problems, i, "id", row.Id, "end-user"))
            {
                CheckOnce(problems, firstRowById, i, "id", row.Id!);
            }

            CheckAttributes(problems, i, row.Attributes, a => (a.Key, a.Value), EndUserAttribute.KeyMaxLength, EndUserAttribute.ValueMaxLength);
        }

        return problems;
    }

    public static List<IngestProblem> Items(IReadOnlyList<ItemInput?> rows)
    {
        var problems = new List<IngestProblem>();
        var firstRowById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                problems.Add(new IngestProblem(i, "", "The row is empty (null)."));
                continue;
            }

            if (CheckId(problems, i, "id", row.Id, "item"))
            {
                CheckOnce(problems, firstRowById, i, "id", row.Id!);
            }

            if (string.IsNullOrWhiteSpace(row.Title))
            {
                problems.Add(new IngestProblem(i, "title", "A title is required."));
            }
            else
            {
                CheckLength(problems, i, "title", row.Title, Item.TitleMaxLength);
            }

            if (row.Category is not null)
            {
                CheckLength(problems, i, "category", row.Category, Item.CategoryMaxLength);
            }

            CheckTags(problems, i, row.Tags);
            if (row.Price is { } price && (price < 0 || price > MaxPrice))
            {
                problems.Add(new IngestProblem(i, "price", "The price must be zero or more (and below 10^16)."));
            }

            CheckAttributes(problems, i, row.Attributes, a => (a.Key, a.Value), ItemAttribute.KeyMaxLength, ItemAttribute.ValueMaxLength);
        }

        return problems;
    }

    public static List<IngestProblem> Events(IReadOnlyList<EventInput?> rows, DateTime receivedAtUtc, List<ParsedEvent> parsed)
    {
        var problems = new List<IngestProblem>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                problems.Add(new IngestProblem(i, "", "The row is empty (null)."));
                continue;
            }

            var ok = CheckId(problems, i, "user_id", row.UserId, "end-user");
            ok &= CheckId(problems, i, "item_id", row.ItemId, "item");
            var value = 1d;
            if (!EventTypes.TryParse(row.Type, out var type))
            {
                problems.Add(new IngestProblem(i, "type", row.Type is null
                    ? $"The type is missing; use one of {string.Join(", ", EventTypes.Names)}."
                    : $"'{row.Type}' is not an event type; use one of {string.Join(", ", EventTypes.Names)}."));
                ok = false;
            }
            else
            {
                ok &= TryValue(problems, i, type, row.Value, out value);
            }

            if (!EventTimestampParser.TryParse(row.Timestamp, receivedAtUtc, out var at, out var error))
            {
                problems.Add(new IngestProblem(i, "timestamp", error!));
                ok = false;
            }

            if (ok)
            {
                parsed.Add(new ParsedEvent(row.UserId!, row.ItemId!, type, value, at));
            }
        }

        return problems;
    }

    private static bool TryValue(List<IngestProblem> problems, int index, InteractionType type, double? value, out double result)
    {
        result = 1;
        if (type == InteractionType.Rating)
        {
            if (value is not { } rating || !double.IsFinite(rating) || rating < MinRating || rating > MaxRating)
            {
                problems.Add(new IngestProblem(index, "value", value is null
                    ? $"A rating needs a value from {MinRating.ToString(CultureInfo.InvariantCulture)} to {MaxRating.ToString(CultureInfo.InvariantCulture)}."
                    : $"{value.Value.ToString(CultureInfo.InvariantCulture)} is outside the rating scale {MinRating.ToString(CultureInfo.InvariantCulture)} to {MaxRating.ToString(CultureInfo.InvariantCulture)}."));
                return false;
            }

            result = rating;
            return true;
        }

        // Only ratings carry a value; a stray 1 is harmless, anything else means the sender expects it to count.
        if (value is { } other && other != 1)
        {
            problems.Add(new IngestProblem(index, "value", "Only ratings have a value; leave it out for this type."));
            return false;
        }

        return true;
    }

    /// <summary>The same id rules as file imports (<see cref="ExternalIds"/>): not empty, 128 characters at most, no control characters.</summary>
    private static bool CheckId(List<IngestProblem> problems, int index, string field, string? id, string what)
    {
        var problem = ExternalIds.Validate(id, $"{what} id");
        if (problem is not null)
        {
            problems.Add(new IngestProblem(index, field, problem));
            return false;
        }

        return true;
    }

    private static void CheckAttributes<T>(
        List<IngestProblem> problems, int index, IReadOnlyList<T?>? attributes, Func<T, (string? Key, string? Value)> read, int keyMax, int valueMax)
        where T : class
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var a = 0; a < (attributes?.Count ?? 0); a++)
        {
            var field = $"attributes[{a}]";
            if (attributes![a] is not { } attribute)
            {
                problems.Add(new IngestProblem(index, field, "The attribute is empty (null)."));
                continue;
            }

            var (key, value) = read(attribute);
            CheckAttribute(problems, index, field, key, value, keys, keyMax, valueMax);
        }
    }

    private static bool CheckLength(List<IngestProblem> problems, int index, string field, string text, int max)
    {
        if (text.Length > max)
        {
            problems.Add(new IngestProblem(index, field, $"Too long: {text.Length} characters, at most {max}."));
            return false;
        }

        return true;
    }

    private static void CheckOnce(List<IngestProblem> problems, Dictionary<string, int> firstRowById, int index, string field, string id)
    {
        if (!firstRowById.TryAdd(id, index))
        {
            problems.Add(new IngestProblem(index, field, $"'{id}' is already in row {firstRowById[id]}; send each id once per batch."));
        }
    }

    private static void CheckTags(List<IngestProblem> problems, int index, IReadOnlyList<string?>? tags)
    {
        if (tags is null)
        {
            return;
        }

        for (var t = 0; t < tags.Count; t++)
        {
            if (string.IsNullOrWhiteSpace(tags[t]))
            {
                problems.Add(new IngestProblem(index, $"tags[{t}]", "The tag is empty."));
            }
            else if (tags[t]!.Contains(',', StringComparison.Ordinal))
            {
                problems.Add(new IngestProblem(index, $"tags[{t}]", "A tag cannot contain a comma; send each tag separately."));
            }
        }

        var joined = JoinTags(tags);
        if (joined.Length > Item.TagsMaxLength)
        {
            problems.Add(new IngestProblem(index, "tags", $"Too many tags: {joined.Length} characters together, at most {Item.TagsMaxLength}."));
        }
    }

    public static string JoinTags(IReadOnlyList<string?> tags) =>
        string.Join(",", tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim()));

    private static void CheckAttribute(
        List<IngestProblem> problems, int index, string field, string? key, string? value, HashSet<string> keys, int keyMax, int valueMax)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add(new IngestProblem(index, field + ".key", "The attribute name is missing."));
        }
        else if (CheckLength(problems, index, field + ".key", key, keyMax) && !keys.Add(key))
        {
            problems.Add(new IngestProblem(index, field + ".key", $"'{key}' appears twice in this row."));
        }

        if (value is null)
        {
            problems.Add(new IngestProblem(index, field + ".value", "The attribute value is missing."));
        }
        else
        {
            CheckLength(problems, index, field + ".value", value, valueMax);
        }
    }
}
