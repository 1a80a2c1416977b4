using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Reranking;

/// <summary>
/// The request a list is re-ranked for.
/// </summary>
/// <param name="User">Dense index of the user the list is for.</param>
/// <param name="Length">Number of items the final list should have.</param>
/// <param name="IsSeen">Whether the user has already interacted with an item; null means nothing is known as seen.</param>
public sealed record RerankContext(int User, int Length, Func<int, bool>? IsSeen = null)
{
    /// <summary>
    /// The candidates still allowed after the <see cref="RerankStage.Filter"/> stage, in score order.
    /// Set by <see cref="RerankPipeline"/>; during the filter stage itself it holds the raw candidates.
    /// Position rules take items from here, so a pinned item can come from below the cut but never
    /// from the filtered-out ones.
    /// </summary>
    public IReadOnlyList<ScoredItem> Eligible { get; init; } = [];

    /// <summary>A context whose seen items are the user's interactions in <paramref name="history"/>.</summary>
    public static RerankContext FromHistory(InteractionMatrix history, int user, int length)
    {
        ArgumentNullException.ThrowIfNull(history);
        return new RerankContext(user, length, item => history.Contains(user, item));
    }
}
