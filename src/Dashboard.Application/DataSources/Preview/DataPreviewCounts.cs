namespace Dashboard.Application.DataSources.Preview;

/// <summary>Row counts of a tenant's datasets and how sparse its interaction matrix is.</summary>
/// <param name="EndUsers">All end-users.</param>
/// <param name="Items">All items, placeholders included.</param>
/// <param name="PlaceholderItems">Items created by an import for interactions that named an unknown item.</param>
/// <param name="Interactions">All interactions.</param>
/// <param name="ActiveEndUsers">End-users with at least one interaction.</param>
/// <param name="ActiveItems">Items with at least one interaction.</param>
/// <param name="DistinctPairs">Distinct (end-user, item) pairs that have at least one interaction.</param>
public sealed record DataPreviewCounts(
    int EndUsers,
    int Items,
    int PlaceholderItems,
    int Interactions,
    int ActiveEndUsers,
    int ActiveItems,
    int DistinctPairs)
{
    /// <summary>
    /// Share of the active users × active items matrix with no interaction: 1 − distinct pairs / (users ×
    /// items). Distinct pairs rather than raw interactions, because repeated events on one pair (a view,
    /// then a click, then a purchase) fill one cell, and raw counts could exceed the matrix. Null when
    /// there are no interactions.
    /// </summary>
    public double? Sparsity => ActiveEndUsers == 0 || ActiveItems == 0
        ? null
        : 1 - (DistinctPairs / ((double)ActiveEndUsers * ActiveItems));
}
