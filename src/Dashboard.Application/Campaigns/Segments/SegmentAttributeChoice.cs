namespace Dashboard.Application.Campaigns.Segments;

/// <summary>An end-user attribute a segment may use, with the values the organisation's end-users have (the most common first <see cref="SegmentVocabulary.ValuesPerKey"/>, in order).</summary>
public sealed record SegmentAttributeChoice(string Key, IReadOnlyList<string> Values);
