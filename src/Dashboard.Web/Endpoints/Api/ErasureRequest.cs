using System.Text.Json.Serialization;

namespace Dashboard.Web.Api;

/// <summary>The body of POST /api/v1/erasure: the end-user to erase, by the id the organisation's systems use.</summary>
public sealed record ErasureRequest([property: JsonPropertyName("user_id")] string? UserId);
