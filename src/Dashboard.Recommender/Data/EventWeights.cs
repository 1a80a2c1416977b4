using System.Globalization;
using System.Text.Json;

namespace Dashboard.Recommender.Data;

/// <summary>
/// Turns typed implicit events into interaction values: a stronger signal of interest weighs more.
/// The one definition of event weights: the engine's <see cref="CsvInteractionLoader"/> and the
/// product's imports both read them from here. Names match ignoring case, surrounding spaces,
/// underscores and hyphens (see <see cref="EventNameComparer"/>); an unknown event type has no weight.
/// Defaults: view 1, click 2, add_to_cart 3, purchase 5.
/// </summary>
public sealed record EventWeights
{
    /// <summary>The largest weight <see cref="Validate"/> accepts.</summary>
    public const double MaxWeight = 1000;

    public static EventWeights Default { get; } = new();

    public IReadOnlyDictionary<string, double> Weights { get; init; } =
        new Dictionary<string, double>(EventNameComparer.Instance)
        {
            ["view"] = 1,
            ["click"] = 2,
            ["add_to_cart"] = 3,
            ["purchase"] = 5,
        };

    /// <summary>The weight of <paramref name="eventType"/>.</summary>
    /// <exception cref="KeyNotFoundException">The event type has no weight.</exception>
    public double this[string eventType] =>
        TryGetWeight(eventType, out var weight) ? weight : throw new KeyNotFoundException($"The event type '{eventType}' has no weight.");

    public bool TryGetWeight(string eventType, out double weight)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        var name = eventType.Trim();
        if (Weights.TryGetValue(name, out weight))
        {
            return true;
        }

        // A caller may pass a dictionary built with another comparer.
        foreach (var (known, value) in Weights)
        {
            if (EventNameComparer.Instance.Equals(known, name))
            {
                weight = value;
                return true;
            }
        }

        weight = 0;
        return false;
    }

    /// <summary>
    /// The default weights with those of a JSON map such as <c>{"view": 0.5, "purchase": 10}</c> in place of
    /// theirs; <see cref="Default"/> for null or blank. Check the text with <see cref="Validate"/> first.
    /// </summary>
    /// <exception cref="JsonException">The text is not a JSON object of numbers.</exception>
    public static EventWeights Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Default;
        }

        var weights = new Dictionary<string, double>(Default.Weights, EventNameComparer.Instance);
        foreach (var (name, weight) in ReadMap(json))
        {
            weights[name.Trim()] = weight;
        }

        return new EventWeights { Weights = weights };
    }

    /// <summary>Null when the JSON is a valid weight map (or blank); else why not, in words for the person who typed it.</summary>
    /// <param name="json">The map, e.g. <c>{"view": 1, "purchase": 5}</c>.</param>
    /// <param name="nameProblem">
    /// Why a name is not accepted, or null when it is; by default a name is accepted when
    /// <see cref="Default"/> weighs it.
    /// </param>
    public static string? Validate(string? json, Func<string, string?>? nameProblem = null)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        nameProblem ??= static name => Default.TryGetWeight(name, out _)
            ? null
            : $"\"{name}\" is not an event type with a weight. Use one of: {string.Join(", ", Default.Weights.Keys)}.";
        try
        {
            foreach (var (name, weight) in ReadMap(json))
            {
                if (nameProblem(name) is { } problem)
                {
                    return problem;
                }

                if (weight is <= 0 or > MaxWeight || double.IsNaN(weight))
                {
                    return $"The weight of {name} must be above 0 and at most {MaxWeight.ToString(CultureInfo.InvariantCulture)}.";
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return "Event weights must look like {\"view\": 1, \"purchase\": 5}.";
        }
    }

    private static Dictionary<string, double> ReadMap(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
}
