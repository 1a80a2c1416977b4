using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>One item to create or update. Fields sent are written; fields left out keep their value.</summary>
public sealed record ItemInput(
    [property: JsonPropertyName("id"), Description("Your id for the item (at most 128 characters).")] string? Id,
    [property: JsonPropertyName("title"), Description("Display title (at most 256 characters). Required.")] string? Title,
    [property: JsonPropertyName("category"), Description("Category (at most 128 characters).")] string? Category = null,
    [property: JsonPropertyName("tags"), Description("Tags without commas; at most 512 characters together.")] IReadOnlyList<string?>? Tags = null,
    [property: JsonPropertyName("price"), Description("Price, zero or more.")] decimal? Price = null,
    [property: JsonPropertyName("attributes"), Description("Attributes to add or overwrite by key; attributes not sent are kept.")] IReadOnlyList<ItemAttributeInput?>? Attributes = null);
