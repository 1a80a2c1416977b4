namespace Dashboard.Application.DataSources.SampleData;

/// <summary>Vocabulary and numbers for one category of a <see cref="SampleCatalogTemplate"/>.</summary>
/// <param name="Name">Category name written to <c>Item.Category</c>.</param>
/// <param name="Weight">Relative share of the catalogue's items in this category.</param>
/// <param name="MedianPrice">Median of the category's log-normal price distribution.</param>
/// <param name="PriceSigma">Standard deviation of the logarithm of the price.</param>
/// <param name="PeakAge">Age, in years, at which shoppers are most drawn to the category.</param>
/// <param name="Tags">Tags items of the category draw from; each tag also carries a hidden taste direction.</param>
/// <param name="Modifiers">Title words placed before the noun (e.g. <c>Wireless</c>).</param>
/// <param name="Nouns">Title nouns (e.g. <c>Headphones</c>).</param>
public sealed record SampleCategoryTemplate(
    string Name,
    double Weight,
    double MedianPrice,
    double PriceSigma,
    double PeakAge,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Modifiers,
    IReadOnlyList<string> Nouns);
