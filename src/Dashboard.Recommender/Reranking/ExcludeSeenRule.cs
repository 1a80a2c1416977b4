using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Reranking;

/// <summary>Removes items the user has already interacted with (<see cref="RerankContext.IsSeen"/>).</summary>
public sealed class ExcludeSeenRule : IRerankRule
{
    public RerankStage Stage => RerankStage.Filter;

    public void Apply(List<ScoredItem> items, RerankContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsSeen is { } isSeen)
        {
            items.RemoveAll(s => isSeen(s.Item));
        }
    }
}
