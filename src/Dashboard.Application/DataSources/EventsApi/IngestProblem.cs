using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>One reason a batch was refused: which row (0-based), which field, and why.</summary>
public sealed record IngestProblem(
    [property: JsonPropertyName("index"), Description("Position of the row in the request's array, from 0.")] int Index,
    [property: JsonPropertyName("field"), Description("The field in that row, e.g. timestamp or attributes[1].key; empty for the whole row.")] string Field,
    [property: JsonPropertyName("reason"), Description("What is wrong and how to fix it.")] string Reason);
