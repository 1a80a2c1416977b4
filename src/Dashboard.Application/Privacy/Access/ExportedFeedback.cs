namespace Dashboard.Application.Privacy.Access;

/// <summary>One impression, click or conversion of a recommended item by the end-user.</summary>
public sealed record ExportedFeedback(string RecommendationId, string ItemId, string Type, DateTime OccurredAtUtc);
