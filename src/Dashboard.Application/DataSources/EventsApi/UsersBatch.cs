using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>Body of <c>POST /api/v1/users</c>.</summary>
public sealed record UsersBatch([property: JsonPropertyName("users")] IReadOnlyList<UserInput?>? Users);
