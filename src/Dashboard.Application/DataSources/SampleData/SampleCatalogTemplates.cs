using System.Reflection;

namespace Dashboard.Application.DataSources.SampleData;

/// <summary>
/// Every vertical template by name: the static <see cref="SampleCatalogTemplate"/> properties of
/// <see cref="SampleCatalogTemplate"/> itself, so a new vertical added there appears here automatically.
/// </summary>
public static class SampleCatalogTemplates
{
    private static readonly Lazy<IReadOnlyList<SampleCatalogTemplate>> Templates = new(() =>
    [
        .. typeof(SampleCatalogTemplate).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(SampleCatalogTemplate))
            .Select(p => (SampleCatalogTemplate)p.GetValue(null)!)
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ]);

    public static IReadOnlyList<SampleCatalogTemplate> All => Templates.Value;

    public static SampleCatalogTemplate? Find(string? name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
