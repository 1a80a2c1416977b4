namespace Dashboard.Recommender.Serving;

/// <summary>
/// What is known about an item besides its interactions: shown in lists and explanations, used by
/// category filters and caps, and by the content-based component.
/// </summary>
/// <param name="Categories">An item may be in several categories.</param>
/// <param name="AttributeText">Free text from the item's attributes (brand, colour, …); read like tags.</param>
public sealed record ItemDetails(string Title, IReadOnlyList<string> Categories, IReadOnlyList<string> Tags, string AttributeText)
{
    public static ItemDetails Empty { get; } = new(string.Empty, [], [], string.Empty);

    /// <summary>True when there is any text the content-based component can use.</summary>
    public bool HasText =>
        !string.IsNullOrWhiteSpace(Title) || Categories.Count > 0 || Tags.Count > 0 || !string.IsNullOrWhiteSpace(AttributeText);
}
