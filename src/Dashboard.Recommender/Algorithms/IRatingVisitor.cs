namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// The per-rating step of an SGD pass. Implemented by structs and passed by reference so
/// <see cref="RatingGrid.ForEach{TVisitor}"/> is specialised per visitor and the calls inline.
/// </summary>
internal interface IRatingVisitor
{
    void Visit(int user, int item, float value);

    /// <summary>
    /// Prefetches (<see cref="CachePrefetch"/>) what <see cref="Visit"/> will read and write for this user, a
    /// run of ratings before the first visit, so the cache misses overlap the current run's updates.
    /// </summary>
    void PrefetchUser(int user);
}
