namespace Dashboard.Infrastructure.Storage;

/// <summary>Guards the local stores' file names: names are ours, but a name read back from anywhere is not trusted.</summary>
internal static class LocalPaths
{
    public static string CheckedName(string storedName)
    {
        ArgumentException.ThrowIfNullOrEmpty(storedName);
        if (storedName.Contains('/', StringComparison.Ordinal) || storedName.Contains('\\', StringComparison.Ordinal) || storedName.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException("Invalid stored file name.", nameof(storedName));
        }

        return storedName;
    }
}
