using Dashboard.Domain.Recommendations;

namespace Dashboard.Application.Recommendations.Feedback;

/// <summary>A feedback row that passed validation.</summary>
internal sealed record ParsedFeedback(string RecommendationId, string ItemId, string EndUserId, FeedbackType Type, DateTime OccurredAtUtc);
