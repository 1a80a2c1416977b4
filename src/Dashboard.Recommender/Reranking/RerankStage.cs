namespace Dashboard.Recommender.Reranking;

/// <summary>
/// When a rule runs inside a <see cref="RerankPipeline"/>. Stages run in this order; rules of the
/// same stage run in the order they were added. Between <see cref="Adjust"/> and
/// <see cref="Select"/> the pipeline sorts by score, and after <see cref="Select"/> it cuts the list
/// to the requested length.
/// </summary>
public enum RerankStage
{
    /// <summary>Removes candidates that must never be shown (seen, excluded, out of stock). Filters always win.</summary>
    Filter = 0,

    /// <summary>Changes scores (promotions, long-tail boost); the list is re-sorted afterwards.</summary>
    Adjust = 1,

    /// <summary>Chooses and orders the items of the list from the score-sorted pool (diversity, category caps).</summary>
    Select = 2,

    /// <summary>Places items at fixed slots of the final list (pins), taking them from the filtered pool.</summary>
    Position = 3,
}
