using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Reranking;

/// <summary>
/// One small business or diversity rule of a <see cref="RerankPipeline"/>. A rule edits the working
/// list in place: it may remove, reorder, insert or rescore items.
/// </summary>
public interface IRerankRule
{
    RerankStage Stage { get; }

    void Apply(List<ScoredItem> items, RerankContext context);
}
