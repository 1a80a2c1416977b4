using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>One end-user to create or update, known by the tenant's own id.</summary>
public sealed record UserInput(
    [property: JsonPropertyName("id"), Description("Your id for the person (at most 128 characters).")] string? Id,
    [property: JsonPropertyName("attributes"), Description("Attributes to add or overwrite by key; attributes not sent are kept.")] IReadOnlyList<UserAttributeInput?>? Attributes = null);
