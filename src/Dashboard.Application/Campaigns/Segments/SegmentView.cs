namespace Dashboard.Application.Campaigns.Segments;

/// <summary>A segment as the Segments page lists and edits it: its rules, those rules in words, and the campaigns that use it.</summary>
public sealed record SegmentView(
    Guid Id, string Name, string? Description, SegmentDefinition Definition, string RulesText, IReadOnlyList<SegmentCampaign> Campaigns, DateTime UpdatedAtUtc, Guid ConcurrencyStamp);
