using System.Globalization;
using Microsoft.Extensions.Options;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Refuses an end-user or item batch that carries more attributes than <see cref="IngestLimits"/> allow,
/// before anything is looked up or tracked. A row over its limit is a 400 naming the row; a request over
/// the request-wide totals is a 413, like a batch with too many rows. Each message names the setting.
/// </summary>
public sealed class IngestLimitCheck(IOptions<IngestLimits> options)
{
    public IngestOutcome? Users(IReadOnlyList<UserInput?>? rows) =>
        Check(rows, r => r?.Attributes, a => (a?.Key, a?.Value), "end-user");

    public IngestOutcome? Items(IReadOnlyList<ItemInput?>? rows) =>
        Check(rows, r => r?.Attributes, a => (a?.Key, a?.Value), "item");

    private IngestOutcome? Check<TRow, TAttribute>(
        IReadOnlyList<TRow>? rows, Func<TRow, IReadOnlyList<TAttribute>?> attributesOf, Func<TAttribute, (string? Key, string? Value)> read, string what)
    {
        if (rows is null)
        {
            return null;
        }

        var limits = options.Value;
        var problems = new List<IngestProblem>();
        long attributes = 0, characters = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var list = attributesOf(rows[i]);
            if (list is null)
            {
                continue;
            }

            if (list.Count > limits.MaxAttributesPerRow)
            {
                problems.Add(new IngestProblem(i, "attributes", string.Create(CultureInfo.InvariantCulture,
                    $"Too many attributes: {list.Count:N0}; at most {limits.MaxAttributesPerRow:N0} per {what} ({IngestLimits.Section}:{nameof(IngestLimits.MaxAttributesPerRow)}).")));
            }

            attributes += list.Count;
            foreach (var attribute in list)
            {
                var (key, value) = read(attribute);
                characters += (key?.Length ?? 0) + (value?.Length ?? 0);
            }
        }

        if (attributes > limits.MaxAttributesPerRequest)
        {
            return TooLarge(string.Create(CultureInfo.InvariantCulture,
                $"Too many attributes in one request: {attributes:N0}; at most {limits.MaxAttributesPerRequest:N0} ({IngestLimits.Section}:{nameof(IngestLimits.MaxAttributesPerRequest)}). Send fewer rows per request."));
        }

        if (characters > limits.MaxAttributeCharactersPerRequest)
        {
            return TooLarge(string.Create(CultureInfo.InvariantCulture,
                $"Too much attribute text in one request: {characters:N0} characters of keys and values; at most {limits.MaxAttributeCharactersPerRequest:N0} ({IngestLimits.Section}:{nameof(IngestLimits.MaxAttributeCharactersPerRequest)}). Send fewer rows per request."));
        }

        return problems.Count > 0 ? IngestOutcome.Refused(problems) : null;
    }

    private static IngestOutcome TooLarge(string reason) => new(null, [new IngestProblem(0, "attributes", reason)], TooLarge: true);
}
