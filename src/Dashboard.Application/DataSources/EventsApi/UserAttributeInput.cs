using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>One fact about an end-user, with the flags later features use to treat it carefully.</summary>
public sealed record UserAttributeInput(
    [property: JsonPropertyName("key"), Description("Attribute name, e.g. region (at most 64 characters).")] string? Key,
    [property: JsonPropertyName("value"), Description("Attribute value (at most 256 characters).")] string? Value,
    [property: JsonPropertyName("sensitive"), Description("True for a protected characteristic (gender, region…): bias audits group users by it.")] bool? Sensitive = null,
    [property: JsonPropertyName("quasi_identifier"), Description("True when it could help re-identify a person (age band, postcode…): privacy generalises it.")] bool? QuasiIdentifier = null);
