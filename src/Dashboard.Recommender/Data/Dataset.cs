namespace Dashboard.Recommender.Data;

/// <summary>
/// Interactions in dense index space together with the id maps that name them, plus optional side
/// data: user attributes (e.g. gender, age for group metrics) and item metadata (title, categories for
/// content-based models), both keyed by dense index.
/// </summary>
public sealed class Dataset
{
    public Dataset(
        IdMap users,
        IdMap items,
        Rating[] ratings,
        IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>>? userAttributes = null,
        IReadOnlyDictionary<int, ItemMetadata>? itemMetadata = null)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(ratings);
        Users = users;
        Items = items;
        Ratings = ratings;
        UserAttributes = userAttributes ?? new Dictionary<int, IReadOnlyDictionary<string, string>>();
        ItemMetadata = itemMetadata ?? new Dictionary<int, ItemMetadata>();
    }

    public IdMap Users { get; }

    public IdMap Items { get; }

    public Rating[] Ratings { get; }

    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, string>> UserAttributes { get; }

    public IReadOnlyDictionary<int, ItemMetadata> ItemMetadata { get; }

    /// <summary>The same users, items and side data with other ratings (e.g. one side of a split).</summary>
    public Dataset WithRatings(Rating[] ratings) => new(Users, Items, ratings, UserAttributes, ItemMetadata);

    /// <summary>Sparse matrix over all users and items of the id maps (including ones without ratings here).</summary>
    public InteractionMatrix ToMatrix(DuplicatePolicy duplicates = DuplicatePolicy.Last) =>
        InteractionMatrix.Build(Ratings, Users.Count, Items.Count, duplicates);
}
