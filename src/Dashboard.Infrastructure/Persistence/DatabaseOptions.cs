using System.ComponentModel.DataAnnotations;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>Section "Database": which provider, where, and whether start-up applies migrations.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required]
    [RegularExpression("^(Sqlite|SqlServer)$", ErrorMessage = "Database:Provider must be Sqlite or SqlServer.")]
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For Sqlite a relative Data Source is taken relative to the app's content root.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/dashboard.db";

    public bool ApplyMigrationsOnStartup { get; set; } = true;

    public bool IsSqlite => string.Equals(Provider, DatabaseProvider.Sqlite, StringComparison.OrdinalIgnoreCase);
}
