using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>One reason a batch was refused: which row (0-based), which field, and why.</summary>
public sealed record IngestProblem(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("reason")] string Reason);
