using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.Import;

/// <summary>
/// Event-type names accepted by imports and the events API: <c>view</c>, <c>click</c>,
/// <c>add_to_cart</c>, <c>purchase</c>, <c>rating</c> (case-insensitive; the enum names such as
/// <c>AddToCart</c> and the spellings <c>add-to-cart</c> / <c>addtocart</c> are accepted too).
/// </summary>
public static class EventTypes
{
    public const string View = "view";
    public const string Click = "click";
    public const string AddToCart = "add_to_cart";
    public const string Purchase = "purchase";
    public const string Rating = "rating";

    public static IReadOnlyList<string> Names { get; } = [View, Click, AddToCart, Purchase, Rating];

    public static bool TryParse(string? text, out InteractionType type)
    {
        type = default;
        switch (text)
        {
            // The documented names as written: no normalising copies on the rows of a large import.
            case View: type = InteractionType.View; return true;
            case Click: type = InteractionType.Click; return true;
            case AddToCart: type = InteractionType.AddToCart; return true;
            case Purchase: type = InteractionType.Purchase; return true;
            case Rating: type = InteractionType.Rating; return true;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalised = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        switch (normalised.ToUpperInvariant())
        {
            case "VIEW": type = InteractionType.View; return true;
            case "CLICK": type = InteractionType.Click; return true;
            case "ADDTOCART": type = InteractionType.AddToCart; return true;
            case "PURCHASE": type = InteractionType.Purchase; return true;
            case "RATING": type = InteractionType.Rating; return true;
            default: return false;
        }
    }

    public static string ToName(InteractionType type) => type switch
    {
        InteractionType.View => View,
        InteractionType.Click => Click,
        InteractionType.AddToCart => AddToCart,
        InteractionType.Purchase => Purchase,
        _ => Rating,
    };

    /// <summary>The message for a value that is not an event type.</summary>
    public static string UnknownMessage(string? text) =>
        $"\"{Truncate(text)}\" is not an event type we know. Use one of: {string.Join(", ", Names)}.";

    internal static string Truncate(string? text) => text is null ? string.Empty : text.Length <= 40 ? text : text[..40] + "…";
}
