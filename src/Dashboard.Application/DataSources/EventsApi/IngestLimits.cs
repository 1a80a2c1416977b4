using System.ComponentModel.DataAnnotations;

namespace Dashboard.Application.DataSources.EventsApi;

/// <summary>
/// Bounds on what one events-API request may carry, bound from <see cref="Section"/>. A real integration
/// stays far below them; they exist so that one request's memory and write time stay small enough for
/// every other organisation's writes to go on (SQLite has one writer). Key and value lengths are the
/// columns' own limits (64 and 256 characters), checked with the other field rules.
/// </summary>
public sealed class IngestLimits
{
    public const string Section = "IngestLimits";

    /// <summary>Most attributes on one end-user or item in one request.</summary>
    [Range(1, 1_000)]
    public int MaxAttributesPerRow { get; set; } = 50;

    /// <summary>Most attributes in one request, all rows together.</summary>
    [Range(1, 1_000_000)]
    public int MaxAttributesPerRequest { get; set; } = 10_000;

    /// <summary>Most characters of attribute keys and values in one request, all rows together.</summary>
    [Range(1, 100_000_000)]
    public int MaxAttributeCharactersPerRequest { get; set; } = 1_000_000;
}
