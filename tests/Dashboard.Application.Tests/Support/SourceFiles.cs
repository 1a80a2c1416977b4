namespace Dashboard.Application.Tests.Support;

/// <summary>The product's source files, for tests that keep a rule about where an API may be used.</summary>
internal static class SourceFiles
{
    /// <summary>Files (.cs and .razor under src/, build output left out) whose text matches, as sorted paths relative to src/.</summary>
    public static List<string> Where(Func<string, bool> matches, string under = "")
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var folder = Path.Combine(src, under);
        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*.razor", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => matches(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dashboard.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Dashboard.sln not found above the test folder.");
    }
}
