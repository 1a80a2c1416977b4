using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Dashboard.Application.Recommendations.Feedback;

/// <summary>What a written feedback batch changed.</summary>
public sealed record FeedbackSummary(
    [property: JsonPropertyName("received"), Description("Rows in the request.")] int Received,
    [property: JsonPropertyName("feedback_stored"), Description("Rows stored as feedback (a row already stored with the same recommendation, item, type and time is skipped).")] int FeedbackStored,
    [property: JsonPropertyName("interactions_written"), Description("Clicks and conversions stored as interactions for the next training.")] int InteractionsWritten,
    [property: JsonPropertyName("created_users"), Description("End-users that did not exist before (by id).")] int CreatedUsers,
    [property: JsonPropertyName("created_placeholder_items"), Description("Items created only because feedback named them; send them to /items to fill them in.")] int CreatedPlaceholderItems);
