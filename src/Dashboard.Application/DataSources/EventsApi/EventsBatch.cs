using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>Body of <c>POST /api/v1/events</c>.</summary>
public sealed record EventsBatch([property: JsonPropertyName("events")] IReadOnlyList<EventInput?>? Events);
