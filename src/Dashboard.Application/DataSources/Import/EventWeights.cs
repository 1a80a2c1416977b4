using System.Text.Json;
using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.Import;

/// <summary>
/// How much each implicit event counts: the stored value of a view/click/add-to-cart/purchase is its
/// weight times the row's value column (1 when there is none). Ratings keep their rating.
/// Defaults: view 1, click 2, add_to_cart 3, purchase 5.
/// </summary>
public sealed class EventWeights
{
    public static IReadOnlyDictionary<string, double> Defaults { get; } = new Dictionary<string, double>
    {
        [EventTypes.View] = 1, [EventTypes.Click] = 2, [EventTypes.AddToCart] = 3, [EventTypes.Purchase] = 5,
    };

    private readonly double[] _weights = new double[5];

    private EventWeights(IReadOnlyDictionary<string, double> weights)
    {
        foreach (var (name, weight) in Defaults)
        {
            if (EventTypes.TryParse(name, out var type))
            {
                _weights[(int)type] = weight;
            }
        }

        foreach (var (name, weight) in weights)
        {
            if (EventTypes.TryParse(name, out var type))
            {
                _weights[(int)type] = weight;
            }
        }

        _weights[(int)InteractionType.Rating] = 1;
    }

    public static EventWeights Default { get; } = new(new Dictionary<string, double>());

    public double this[InteractionType type] => _weights[(int)type];

    public static EventWeights Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Default;
        }

        var map = JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
        return new EventWeights(map);
    }

    /// <summary>Null when the JSON is a valid weight map; else why not.</summary>
    public static string? Validate(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            var map = JsonSerializer.Deserialize<Dictionary<string, double>>(json) ?? [];
            foreach (var (name, weight) in map)
            {
                if (!EventTypes.TryParse(name, out _))
                {
                    return EventTypes.UnknownMessage(name);
                }

                if (weight is <= 0 or > 1000 || double.IsNaN(weight))
                {
                    return $"The weight of {name} must be above 0 and at most 1000.";
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return "Event weights must look like {\"view\": 1, \"purchase\": 5}.";
        }
    }
}
