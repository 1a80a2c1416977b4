using System.Text.Json.Serialization;

namespace Dashboard.Application.Privacy.ConsentsApi;

/// <summary>Body of <c>POST /api/v1/consents</c>.</summary>
public sealed record ConsentsBatch([property: JsonPropertyName("consents")] IReadOnlyList<ConsentInput?>? Consents);
