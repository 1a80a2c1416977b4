using Dashboard.Domain.Data;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// What each event type is called in a vertical, from the meanings its template documents: every vertical
/// records the same funnel (view → click → add to cart → purchase, plus ratings), but a bank's customer
/// takes out a product rather than buying it, and a learner enrols.
/// </summary>
public static class EventTypeNames
{
    /// <summary>The product's own words, for shops and for data that did not come from a vertical's template.</summary>
    public static IReadOnlyDictionary<InteractionType, string> Default { get; } = Names("View", "Click", "Add to cart", "Purchase", "Rating");

    private static readonly Dictionary<string, IReadOnlyDictionary<InteractionType, string>> ByTemplate =
        new Dictionary<string, IReadOnlyDictionary<InteractionType, string>>(StringComparer.Ordinal)
        {
            [SampleCatalogTemplate.Retail.Name] = Default,
            [SampleCatalogTemplate.Finance.Name] = Names("Product seen", "Rates opened", "Application started", "Product taken out", "Rating"),
            [SampleCatalogTemplate.Travel.Name] = Names("Offer seen", "Details opened", "Trip saved", "Booking", "Review"),
            [SampleCatalogTemplate.Education.Name] = Names("Course seen", "Syllabus opened", "Added to wish list", "Enrolment", "Course review"),
        };

    /// <summary>The names for a sample-data vertical, by the name a source stores it under; <see cref="Default"/> for anything else.</summary>
    public static IReadOnlyDictionary<InteractionType, string> For(string? sampleTemplate) =>
        SampleCatalogTemplates.TryGet(sampleTemplate, out var template) && ByTemplate.TryGetValue(template.Name, out var names) ? names : Default;

    private static Dictionary<InteractionType, string> Names(string view, string click, string addToCart, string purchase, string rating) => new()
    {
        [InteractionType.View] = view,
        [InteractionType.Click] = click,
        [InteractionType.AddToCart] = addToCart,
        [InteractionType.Purchase] = purchase,
        [InteractionType.Rating] = rating,
    };
}
