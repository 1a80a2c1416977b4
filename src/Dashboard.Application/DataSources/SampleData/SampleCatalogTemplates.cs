using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// The sample-data verticals by the name a person picks them by. Build a generator for one with
/// <c>new SampleDataGenerator(SampleCatalogTemplates.Get("Travel"))</c>.
/// </summary>
public static class SampleCatalogTemplates
{
    /// <summary>Registry name of <see cref="SampleCatalogTemplate.Retail"/>.</summary>
    public const string ECommerce = "E-commerce";

    /// <summary>Every vertical, keyed by its display name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, SampleCatalogTemplate> All { get; } =
        new[]
        {
            KeyValuePair.Create(ECommerce, SampleCatalogTemplate.Retail),
            KeyValuePair.Create(SampleCatalogTemplate.Finance.Name, SampleCatalogTemplate.Finance),
            KeyValuePair.Create(SampleCatalogTemplate.Travel.Name, SampleCatalogTemplate.Travel),
            KeyValuePair.Create(SampleCatalogTemplate.Education.Name, SampleCatalogTemplate.Education),
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The name people pick a vertical by ("E-commerce" for the shop, whose template is called Retail).</summary>
    public static string DisplayName(SampleCatalogTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return All.FirstOrDefault(kv => ReferenceEquals(kv.Value, template)).Key ?? template.Name;
    }

    /// <summary>
    /// Finds a vertical by its registry name or its template name (so both "E-commerce" and "Retail"
    /// find the shop), ignoring case and surrounding spaces.
    /// </summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out SampleCatalogTemplate? template)
    {
        template = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var trimmed = name.Trim();
        if (All.TryGetValue(trimmed, out template))
        {
            return true;
        }

        template = All.Values.FirstOrDefault(t => string.Equals(t.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        return template is not null;
    }

    /// <summary>Like <see cref="TryGet"/>, for names that must exist.</summary>
    /// <exception cref="ArgumentException">No vertical has that name; the message lists the ones that do.</exception>
    public static SampleCatalogTemplate Get(string name) =>
        TryGet(name, out var template)
            ? template
            : throw new ArgumentException($"There is no sample-data vertical called '{name}'. Choose one of: {string.Join(", ", All.Keys)}.", nameof(name));
}
