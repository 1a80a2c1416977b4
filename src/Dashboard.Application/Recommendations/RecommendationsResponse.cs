using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Dashboard.Application.Recommendations;

/// <summary>Answer of <c>GET /api/v1/recommendations</c> and <c>GET /api/v1/items/{id}/similar</c>.</summary>
public sealed record RecommendationsResponse(
    [property: JsonPropertyName("recommendation_id"), Description("Id of this list: send it with impressions, clicks and conversions to POST /api/v1/feedback.")] string RecommendationId,
    [property: JsonPropertyName("blend"), Description("The blend that made the list.")] string Blend,
    [property: JsonPropertyName("model_version"), Description("Number of the blend's model version that made the list (1, 2, …).")] int ModelVersion,
    [property: JsonPropertyName("model_version_id"), Description("Id of that model version.")] Guid ModelVersionId,
    [property: JsonPropertyName("personalised"), Description("True when the list was made from the end-user's history; false for an end-user the model does not know (new, or with no history) or who has not consented to personalisation (see no_consent), who gets the most popular items, and for similar items.")] bool Personalised,
    [property: JsonPropertyName("items"), Description("Best first.")] IReadOnlyList<RecommendedItemDto> Items,
    [property: JsonPropertyName("no_consent"), Description("True when the model knows the end-user but they have not consented to personalisation (or withdrew it): the list is the most popular items and their history was not read; personalised is then false. An id the model does not know gives false (a cold end-user).")] bool NoConsent = false,
    [property: JsonPropertyName("campaign"), Description("The campaign the list was made for (its name), or null without campaign=.")] string? Campaign = null,
    [property: JsonPropertyName("arm"), Description("The campaign's arm (A/B test) the end-user is assigned to, always the same one for the same end-user; null without campaign=.")] string? Arm = null);
