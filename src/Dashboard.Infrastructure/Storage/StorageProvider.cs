namespace Dashboard.Infrastructure.Storage;

/// <summary>Values of <c>Storage:Provider</c>.</summary>
public static class StorageProvider
{
    public const string Local = "Local";
    public const string Database = "Database";
}
