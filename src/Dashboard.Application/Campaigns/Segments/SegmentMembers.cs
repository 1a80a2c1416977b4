namespace Dashboard.Application.Campaigns.Segments;

/// <summary>
/// The end-users a segment held at <see cref="AsOfUtc"/>: database ids ascending, and beside each its id as
/// stored (the pseudonym when the organisation pseudonymises), which serving and exports use.
/// </summary>
public sealed record SegmentMembers(IReadOnlyList<long> EndUserIds, IReadOnlyList<string> StoredIds, DateTime AsOfUtc)
{
    public int Count => EndUserIds.Count;
}
