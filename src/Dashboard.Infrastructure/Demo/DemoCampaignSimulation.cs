using Dashboard.Domain.Recommendations;

namespace Dashboard.Infrastructure.Demo;

/// <summary>What <see cref="DemoCampaignFeedback.Simulate"/> made: the served lists and their feedback, every row tied to the campaign and its arm.</summary>
public sealed record DemoCampaignSimulation(IReadOnlyList<ServedRecommendation> Served, IReadOnlyList<RecommendationFeedback> Feedback);
