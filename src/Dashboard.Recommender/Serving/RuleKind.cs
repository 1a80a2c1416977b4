namespace Dashboard.Recommender.Serving;

/// <summary>A re-ranking rule that acted on a list or an item.</summary>
public enum RuleKind
{
    /// <summary>Items the end-user already interacted with were left out.</summary>
    ExcludedSeen,

    /// <summary>Items of excluded categories were left out.</summary>
    ExcludedCategory,

    /// <summary>The item's score was raised because it is a long-tail item.</summary>
    LongTailBoost,

    /// <summary>Items were skipped because their category already had the maximum number of items.</summary>
    CategoryCap,

    /// <summary>The item moved because diversity (MMR) re-ranking picked less similar items first.</summary>
    Diversity,

    /// <summary>Items outside the campaign's categories, or items the campaign excludes, were left out.</summary>
    CampaignFilter,

    /// <summary>The item's score was raised because the campaign promotes it.</summary>
    CampaignBoost,

    /// <summary>The item was put at its position because the campaign pins it there.</summary>
    CampaignPin,
}
