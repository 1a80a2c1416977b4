using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>An extra fact about an item beyond the fixed fields (brand, author…).</summary>
public sealed record ItemAttributeInput(
    [property: JsonPropertyName("key"), Description("Attribute name, e.g. brand (at most 64 characters).")] string? Key,
    [property: JsonPropertyName("value"), Description("Attribute value (at most 256 characters).")] string? Value);
