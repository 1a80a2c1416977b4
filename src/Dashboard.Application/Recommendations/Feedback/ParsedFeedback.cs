using Dashboard.Domain.Recommendations;

namespace Dashboard.Application.Recommendations.Feedback;

/// <summary>A feedback row that passed validation, with its index in the request (for problems found later).</summary>
internal sealed record ParsedFeedback(int Index, string RecommendationId, string ItemId, string EndUserId, FeedbackType Type, DateTime OccurredAtUtc);
