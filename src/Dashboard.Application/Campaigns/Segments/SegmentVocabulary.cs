namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// What a segment's rules may name in this organisation: its non-sensitive attribute keys and their values, its
/// item categories and consent purposes. <see cref="SensitiveKeys"/> are listed so the editor can say why they
/// are missing; rules on them are refused.
/// </summary>
public sealed record SegmentVocabulary(
    IReadOnlyList<SegmentAttributeChoice> Attributes, IReadOnlyList<string> SensitiveKeys, IReadOnlyList<string> Categories, IReadOnlyList<string> ConsentPurposes)
{
    /// <summary>Values offered per attribute; a key with more (an id-like attribute) offers its most common ones.</summary>
    public const int ValuesPerKey = 100;
}
