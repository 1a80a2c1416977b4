namespace Dashboard.Application.Campaigns.Segments;

/// <summary>Rules combined by <see cref="Match"/>; a segment combines its groups in turn, so "(North or East) and 2+ purchases" is two groups.</summary>
public sealed record SegmentGroup(SegmentMatch Match, IReadOnlyList<SegmentRule> Rules);
