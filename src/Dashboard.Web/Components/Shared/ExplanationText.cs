using Dashboard.Application.Recommendations;
using Dashboard.Recommender.Serving;

namespace Dashboard.Web.Components.Shared;

/// <summary>The sentences of an item's explanation: "Because you bought X and viewed Y", and the list's data basis.</summary>
public static class ExplanationText
{
    /// <summary>
    /// Names the history items that drove the item's history-based components, each with what the end-user did
    /// with it (their latest interaction with it in <paramref name="history"/>); null when no component names any.
    /// </summary>
    public static string? Because(RecommendedItem item, IReadOnlyList<PreviewHistoryItem> history)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(history);
        var because = item.Explanation.Components.SelectMany(c => c.Because).DistinctBy(b => b.ItemId).Take(3).ToList();
        if (because.Count == 0)
        {
            return null;
        }

        var parts = because.Select(b => $"{Verb(history.FirstOrDefault(h => h.ItemId == b.ItemId)?.EventType)} {Title(b)}").ToList();
        return "Because you " + (parts.Count == 1 ? parts[0] : string.Join(", ", parts[..^1]) + " and " + parts[^1]);
    }

    public static string Basis(DataBasis basis) => basis switch
    {
        DataBasis.Personalised => "Personalised from this end-user's history",
        DataBasis.FallbackNewEndUser => "Popular items: this end-user is new since the last training, so the model does not know them yet",
        DataBasis.PopularityOnly => "Not personalised: this blend ranks by popularity alone (only items this end-user has already seen are left out)",
        DataBasis.NoConsent => "Not personalised: this end-user has not consented to personalisation (or withdrew), so popular items are shown and their history is not read",
        _ => "Similar to another item",
    };

    private static string Title(BecauseItem item) => string.IsNullOrWhiteSpace(item.Title) ? item.ItemId : item.Title;

    private static string Verb(string? eventType) => eventType switch
    {
        "purchase" => "bought",
        "view" => "viewed",
        "click" => "clicked",
        "add_to_cart" => "put in the cart",
        "rating" => "rated",
        _ => "interacted with",
    };
}
