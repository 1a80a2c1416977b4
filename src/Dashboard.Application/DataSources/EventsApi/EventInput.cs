using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>One interaction between an end-user and an item.</summary>
public sealed record EventInput(
    [property: JsonPropertyName("user_id"), Description("The end-user's id; an unknown id creates the end-user.")] string? UserId,
    [property: JsonPropertyName("item_id"), Description("The item's id; an unknown id creates a placeholder item titled with the id.")] string? ItemId,
    [property: JsonPropertyName("type"), Description("view, click, add_to_cart, purchase or rating.")] string? Type,
    [property: JsonPropertyName("value"), Description("The rating (0.5 to 5) for type rating; leave out for other types.")] double? Value = null,
    [property: JsonPropertyName("timestamp"), Description("When it happened: ISO-8601 text (read as UTC without an offset) or Unix seconds; at most 5 minutes in the future. Left out: the time the request arrived.")] JsonElement? Timestamp = null);
