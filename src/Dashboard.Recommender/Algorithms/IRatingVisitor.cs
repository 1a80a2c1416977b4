namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// The per-rating step of an SGD pass. Implemented by structs and passed by reference so
/// <see cref="RatingGrid.ForEach{TVisitor}"/> is specialised per visitor and the call inlines.
/// </summary>
internal interface IRatingVisitor
{
    void Visit(int user, int item, float value);
}
