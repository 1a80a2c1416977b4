using System.Globalization;
using Dashboard.Application.DataSources.Import;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Checks every row of a batch with <see cref="IngestionRules"/> (the rules file imports follow) and
/// collects every problem (not just the first), so a client can fix a whole batch in one round trip.
/// Rows that pass are handed back cleaned (ids trimmed), ready for the ingestion writer.
/// </summary>
internal static class IngestValidator
{
    public static List<IngestProblem> Users(IReadOnlyList<UserInput?> rows, List<ParsedUser> parsed)
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

            var ok = CheckId(problems, firstRowById, i, "id", row.Id, "end-user id", out var id);
            var attributes = Attributes(problems, i, row.Attributes, a => (a.Key, a.Value, a.Sensitive ?? false, a.QuasiIdentifier ?? false));
            if (ok && attributes is not null)
            {
                parsed.Add(new ParsedUser(id, attributes));
            }
        }

        return problems;
    }

    public static List<IngestProblem> Items(IReadOnlyList<ItemInput?> rows, List<IngestedItem> parsed)
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

            var ok = CheckId(problems, firstRowById, i, "id", row.Id, "item id", out var id);
            ok &= Check(problems, i, "title", IngestionRules.Title(row.Title, out var title));
            var category = row.Category?.Trim();
            ok &= Check(problems, i, "category", IngestionRules.Category(category));
            string? tags = null;
            if (row.Tags is not null)
            {
                for (var t = 0; t < row.Tags.Count; t++)
                {
                    ok &= Check(problems, i, $"tags[{t}]", IngestionRules.Tag(row.Tags[t]));
                }

                tags = IngestionRules.JoinTags(row.Tags);
                ok &= Check(problems, i, "tags", IngestionRules.Tags(tags));
            }

            if (row.Price is { } price)
            {
                ok &= Check(problems, i, "price", IngestionRules.Price(price));
            }

            var attributes = Attributes(problems, i, row.Attributes, a => (a.Key, a.Value, false, false));
            if (ok && attributes is not null)
            {
                parsed.Add(new IngestedItem(id, title, category, tags, row.Price, attributes, Partial: true));
            }
        }

        return problems;
    }

    public static List<IngestProblem> Events(IReadOnlyList<EventInput?> rows, AcceptedTimes accepted, List<ParsedEvent> parsed)
    {
        var problems = new List<IngestProblem>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } row)
            {
                problems.Add(new IngestProblem(i, "", "The row is empty (null)."));
                continue;
            }

            var ok = Check(problems, i, "user_id", IngestionRules.Id(row.UserId, "end-user id", out var user));
            ok &= Check(problems, i, "item_id", IngestionRules.Id(row.ItemId, "item id", out var item));
            var value = 1d;
            if (!EventTypes.TryParse(row.Type, out var type))
            {
                problems.Add(new IngestProblem(i, "type", row.Type is null
                    ? $"The type is missing; use one of {string.Join(", ", EventTypes.Names)}."
                    : IngestionRules.EventType(row.Type, out _)!));
                ok = false;
            }
            else
            {
                ok &= TryValue(problems, i, type, row.Value, out value);
            }

            if (!EventTimestampParser.TryParse(row.Timestamp, accepted, out var at, out var error))
            {
                problems.Add(new IngestProblem(i, "timestamp", error!));
                ok = false;
            }

            if (ok)
            {
                parsed.Add(new ParsedEvent(user, item, type, value, at));
            }
        }

        return problems;
    }

    private static bool TryValue(List<IngestProblem> problems, int index, InteractionType type, double? value, out double result)
    {
        result = 1;
        if (type == InteractionType.Rating)
        {
            if (value is not { } rating)
            {
                problems.Add(new IngestProblem(index, "value", string.Create(CultureInfo.InvariantCulture,
                    $"A rating needs a value from {IngestionRules.MinRating} to {IngestionRules.MaxRating}.")));
                return false;
            }

            result = rating;
            return Check(problems, index, "value", IngestionRules.Rating(rating));
        }

        // Only ratings carry a value; a stray 1 is harmless, anything else means the sender expects it to count.
        if (value is { } other && other != 1)
        {
            problems.Add(new IngestProblem(index, "value", "Only ratings have a value; leave it out for this type."));
            return false;
        }

        return true;
    }

    private static bool CheckId(List<IngestProblem> problems, Dictionary<string, int> firstRowById, int index, string field, string? raw, string what, out string id)
    {
        if (!Check(problems, index, field, IngestionRules.Id(raw, what, out id)))
        {
            return false;
        }

        if (!firstRowById.TryAdd(id, index))
        {
            problems.Add(new IngestProblem(index, field, $"'{id}' is already in row {firstRowById[id]}; send each id once per batch."));
            return false;
        }

        return true;
    }

    private static bool Check(List<IngestProblem> problems, int index, string field, string? problem)
    {
        if (problem is null)
        {
            return true;
        }

        problems.Add(new IngestProblem(index, field, problem));
        return false;
    }

    private static List<IngestedFact>? Attributes<T>(
        List<IngestProblem> problems, int index, IReadOnlyList<T?>? attributes, Func<T, (string? Key, string? Value, bool Sensitive, bool QuasiIdentifier)> read)
        where T : class
    {
        var list = new List<IngestedFact>(attributes?.Count ?? 0);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var ok = true;
        for (var a = 0; a < (attributes?.Count ?? 0); a++)
        {
            var field = $"attributes[{a}]";
            if (attributes![a] is not { } attribute)
            {
                problems.Add(new IngestProblem(index, field, "The attribute is empty (null)."));
                ok = false;
                continue;
            }

            var (key, value, sensitive, quasi) = read(attribute);
            var keyOk = Check(problems, index, field + ".key", IngestionRules.AttributeKey(key));
            if (keyOk && !keys.Add(key!.Trim()))
            {
                problems.Add(new IngestProblem(index, field + ".key", $"'{key.Trim()}' appears twice in this row."));
                keyOk = false;
            }

            var valueOk = Check(problems, index, field + ".value", IngestionRules.AttributeValue(value));
            if (keyOk && valueOk)
            {
                list.Add(new IngestedFact(key!.Trim(), value!, sensitive, quasi));
            }

            ok &= keyOk && valueOk;
        }

        return ok ? list : null;
    }
}
