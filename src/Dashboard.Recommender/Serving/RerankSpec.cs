namespace Dashboard.Recommender.Serving;

/// <summary>
/// Re-ranking applied to every list after blending, in this order: exclude already-seen items and
/// excluded categories, boost long-tail items, cap items per category, then diversify by MMR.
/// </summary>
public sealed record RerankSpec
{
    /// <summary>Drop items the end-user already interacted with.</summary>
    public bool ExcludeSeen { get; init; } = true;

    /// <summary>MMR λ in [0, 1]: 1 keeps the relevance order (off); lower values trade relevance for variety.</summary>
    public double MmrLambda { get; init; } = 1;

    /// <summary>At most this many items of one category in a list; null means no cap.</summary>
    public int? MaxPerCategory { get; init; }

    /// <summary>
    /// Added to the normalised score of a long-tail item (outside the items that make up the top 20 % of
    /// interactions); 0 is off. Scores are on the blend's normalised scale, so 0.1–0.5 is a gentle nudge.
    /// </summary>
    public double LongTailBoost { get; init; }
}
