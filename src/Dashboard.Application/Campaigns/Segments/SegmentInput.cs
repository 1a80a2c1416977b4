namespace Dashboard.Application.Campaigns.Segments;

/// <summary>What the segment editor saves. <see cref="ConcurrencyStamp"/> is the one the editor loaded (ignored when adding).</summary>
public sealed record SegmentInput(string? Name, string? Description, SegmentDefinition? Definition, Guid ConcurrencyStamp = default);
