namespace Dashboard.Recommender.Data;

/// <summary>Descriptive data about an item, used by content-based scoring and for display.</summary>
public sealed record ItemMetadata(string Title, IReadOnlyList<string> Categories)
{
    /// <summary>Free-form tags or keywords, weighted like categories in TF-IDF.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}
