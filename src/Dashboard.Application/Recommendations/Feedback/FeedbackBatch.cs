using System.Text.Json.Serialization;

namespace Dashboard.Application.Recommendations.Feedback;

/// <summary>Body of <c>POST /api/v1/feedback</c>.</summary>
public sealed record FeedbackBatch([property: JsonPropertyName("feedback")] IReadOnlyList<FeedbackInput?>? Feedback);
