namespace Dashboard.EndToEnd.Tests.Infrastructure;

internal static class RepositoryRoot
{
    /// <summary>The folder holding Dashboard.sln, above the test output; null when there is none.</summary>
    public static string? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dashboard.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
