using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>Reads an event type as clients send it: view, click, add_to_cart, purchase, rating.</summary>
public static class EventTypeParser
{
    private static readonly Dictionary<string, InteractionType> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["view"] = InteractionType.View,
        ["click"] = InteractionType.Click,
        ["add_to_cart"] = InteractionType.AddToCart,
        ["purchase"] = InteractionType.Purchase,
        ["rating"] = InteractionType.Rating,
    };

    /// <summary>The accepted names, for messages and documentation.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>Case-insensitive, surrounding spaces ignored; any other spelling is refused.</summary>
    public static bool TryParse(string? text, out InteractionType type)
    {
        type = default;
        return text is not null && ByName.TryGetValue(text.Trim(), out type);
    }
}
