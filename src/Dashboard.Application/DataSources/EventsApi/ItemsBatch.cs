using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>Body of <c>POST /api/v1/items</c>.</summary>
public sealed record ItemsBatch([property: JsonPropertyName("items")] IReadOnlyList<ItemInput?>? Items);
