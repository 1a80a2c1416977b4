namespace Dashboard.Application.Campaigns.Segments;

/// <summary>What a segment rule looks at.</summary>
public enum SegmentRuleKind
{
    /// <summary>An end-user attribute (<see cref="SegmentRule.Key"/> = its key, <see cref="SegmentRule.Value"/> = the value); never a sensitive one.</summary>
    Attribute,

    /// <summary>The end-user's latest interaction, within or not within <see cref="SegmentRule.Number"/> days.</summary>
    LastActive,

    /// <summary>How many purchases the end-user made: at least or at most <see cref="SegmentRule.Number"/>.</summary>
    Purchases,

    /// <summary>Whether the end-user bought an item of the category <see cref="SegmentRule.Value"/>.</summary>
    CategoryBought,

    /// <summary>Whether the end-user consents to the purpose <see cref="SegmentRule.Key"/> (e.g. "Marketing messages"), as the consent gate answers.</summary>
    Consent,
}
