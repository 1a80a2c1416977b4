namespace Dashboard.Application.Privacy.Access;

/// <summary>A recommendation list the end-user was served, items in rank order.</summary>
public sealed record ExportedServedList(string RecommendationId, DateTime ServedAtUtc, bool Personalised, IReadOnlyList<string> ItemIds);
