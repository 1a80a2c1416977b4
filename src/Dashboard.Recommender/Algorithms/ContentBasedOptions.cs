namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="ContentBased"/>: how much each metadata field counts in an item's TF-IDF
/// vector, and whether a user's profile weighs consumed items by their interaction value.
/// </summary>
public sealed record ContentBasedOptions
{
    public double TitleWeight { get; init; } = 0.5;

    public double CategoryWeight { get; init; } = 1.0;

    public double TagWeight { get; init; } = 1.0;

    /// <summary>Weigh each consumed item by its value (rating, event weight) instead of 1.</summary>
    public bool UseValues { get; init; }
}
