using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>What a written batch changed. Counts that do not apply to the endpoint are zero.</summary>
public sealed record IngestSummary(
    [property: JsonPropertyName("received")] int Received,
    [property: JsonPropertyName("created_users")] int CreatedUsers,
    [property: JsonPropertyName("updated_users")] int UpdatedUsers,
    [property: JsonPropertyName("created_items")] int CreatedItems,
    [property: JsonPropertyName("updated_items")] int UpdatedItems,
    [property: JsonPropertyName("created_placeholder_items")] int CreatedPlaceholderItems,
    [property: JsonPropertyName("interactions_written")] int InteractionsWritten);
