using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Application.Recommendations.Feedback;

/// <summary>One impression, click or conversion of a recommended item.</summary>
public sealed record FeedbackInput(
    [property: JsonPropertyName("recommendation_id"), Description("The recommendation_id of the list the item was shown in (from GET /api/v1/recommendations or /items/{id}/similar). It must name a list served to this organisation: an id never issued, or issued for another organisation's key, is refused (400) and nothing is written. The feedback is attributed to that list's campaign and arm.")] string? RecommendationId,
    [property: JsonPropertyName("item_id"), Description("The item shown, clicked or bought; an unknown id creates a placeholder item titled with the id.")] string? ItemId,
    [property: JsonPropertyName("end_user_id"), Description("The end-user it was shown to; an unknown id creates the end-user.")] string? EndUserId,
    [property: JsonPropertyName("type"), Description("impression, click or conversion. A click is also stored as a click interaction and a conversion as a purchase interaction, so both count in the next training; an impression is stored as feedback only.")] string? Type,
    [property: JsonPropertyName("timestamp"), Description("When it happened: ISO-8601 text (read as UTC without an offset) or Unix seconds; at most 5 minutes in the future. Left out: the time the request arrived.")] JsonElement? Timestamp = null);
