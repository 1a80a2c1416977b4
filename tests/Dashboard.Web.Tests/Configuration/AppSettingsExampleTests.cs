using System.Text.Json;

namespace Dashboard.Web.Tests.Configuration;

public sealed class AppSettingsExampleTests
{
    [Fact]
    public void ExampleFile_ListsEveryKeyTheAppShipsWith()
    {
        var root = RepositoryRoot();
        var shipped = Keys(Path.Combine(root, "src", "Dashboard.Web", "appsettings.json"));
        var example = Keys(Path.Combine(root, "appsettings.example.json"));

        Assert.Empty(shipped.Except(example));
    }

    [Fact]
    public void Readme_DocumentsEveryConfigurationSection()
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var sections = Keys(Path.Combine(root, "appsettings.example.json"))
            .Where(k => !k.StartsWith("Logging:", StringComparison.Ordinal) && k != "AllowedHosts")
            .Select(k => k.Split(':')[0])
            .Distinct();

        Assert.All(sections, s => Assert.Contains($"`{s}:", readme, StringComparison.Ordinal));
    }

    private static HashSet<string> Keys(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        Walk(doc.RootElement, string.Empty, keys);
        return keys;
    }

    private static void Walk(JsonElement element, string prefix, HashSet<string> keys)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                Walk(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}", keys);
            }
        }
        else
        {
            // Arrays count as one key: their items are examples, not separate settings.
            keys.Add(prefix);
        }
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found above the test folder.");
    }
}
