using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Application.Privacy.ConsentsApi;

/// <summary>One consent decision of an end-user for one purpose.</summary>
public sealed record ConsentInput(
    [property: JsonPropertyName("user_id"), Description("The end-user's id; an unknown id creates the end-user (consent often comes before any event).")] string? UserId,
    [property: JsonPropertyName("purpose"), Description("One of the organisation's purposes: Personalisation, Analytics, Marketing messages, or one it added on the Privacy page (any case).")] string? Purpose,
    [property: JsonPropertyName("state"), Description("granted or withdrawn. A withdrawal is the same call with state withdrawn.")] string? State,
    [property: JsonPropertyName("occurred_at"), Description("When the end-user decided: ISO-8601 text (read as UTC without an offset) or Unix seconds. Required. The latest decision by this time wins, whatever order they arrive in.")] JsonElement? OccurredAt,
    [property: JsonPropertyName("source"), Description("The channel, e.g. web banner, app, call centre; left out: \"consents API\".")] string? Source = null,
    [property: JsonPropertyName("notice_version"), Description("The version of the privacy notice the end-user saw.")] string? NoticeVersion = null,
    [property: JsonPropertyName("proof_reference"), Description("Where the proof is kept (a form id, a log reference), never the proof itself.")] string? ProofReference = null);
