using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>Turns <see cref="DatabaseOptions"/> into EF options; shared by the app, tests and design-time factories.</summary>
public static class DbContextOptionsConfigurator
{
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsSqlite)
        {
            builder.UseSqlite(ResolveSqliteConnectionString(options.ConnectionString, contentRoot),
                    sqlite => sqlite.MigrationsAssembly(DatabaseProvider.SqliteMigrationsAssembly))
                .AddInterceptors(new SqlitePragmaInterceptor(), AfterCommitInterceptor.Instance);
        }
        else
        {
            // No EnableRetryOnFailure: a retrying strategy refuses user-initiated transactions, and imports,
            // sample data and Identity changes are deliberately one explicit transaction each.
            builder.UseSqlServer(options.ConnectionString,
                    sql => sql.MigrationsAssembly(DatabaseProvider.SqlServerMigrationsAssembly))
                .AddInterceptors(AfterCommitInterceptor.Instance);
        }
    }

    /// <summary>Makes a relative Data Source absolute under <paramref name="contentRoot"/> and creates its folder.</summary>
    public static string ResolveSqliteConnectionString(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(csb.DataSource))
            {
                csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
            }

            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }

        return csb.ToString();
    }
}
