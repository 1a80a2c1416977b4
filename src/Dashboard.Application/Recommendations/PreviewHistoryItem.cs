namespace Dashboard.Application.Recommendations;

/// <summary>One interaction of an end-user as the Recommendations page lists their recent history.</summary>
public sealed record PreviewHistoryItem(string ItemId, string Title, string? Category, string EventType, double Value, DateTime OccurredAtUtc);
