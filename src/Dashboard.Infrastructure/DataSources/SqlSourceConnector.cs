using System.Data.Common;
using Dashboard.Application.DataSources;
using Dashboard.Domain.DataSources;
using Dashboard.Infrastructure.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.DataSources;

/// <summary>
/// Opens a tenant's database. SQLite files are opened read-only and only inside
/// <see cref="DataSourcesOptions.SqliteSourcePath"/>; the app's own database files are refused as well:
/// a tenant must never read the shared database (other tenants' rows) or server files through a "source".
/// </summary>
internal sealed class SqlSourceConnector(IOptions<DatabaseOptions> database, IOptions<DataSourcesOptions> sources, IHostEnvironment environment) : ISqlSourceConnector
{
    public async Task<DbConnection> OpenAsync(SqlProvider provider, string connectionString, CancellationToken cancellationToken)
    {
        DbConnection connection;
        if (provider == SqlProvider.Sqlite)
        {
            var builder = Parse(provider, () => new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false });
            var root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, sources.Value.SqliteSourcePath));
            var path = Path.GetFullPath(Path.Combine(root, builder.DataSource));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                // Never the folder's path: it would tell the tenant how the server is laid out.
                throw new ArgumentException("SQLite files must be in the folder your administrator set up for SQLite sources; give just the file's name, as in Data Source=shop.db.");
            }

            if (!File.Exists(path))
            {
                throw new ArgumentException($"There is no SQLite database file at \"{builder.DataSource}\".");
            }

            if (IsOwnDatabase(path))
            {
                throw new ArgumentException("That is the dashboard's own database; connect to your own data instead.");
            }

            builder.DataSource = path;
            connection = new SqliteConnection(builder.ConnectionString);
        }
        else
        {
            var builder = Parse(provider, () => new SqlConnectionStringBuilder(connectionString) { ApplicationIntent = ApplicationIntent.ReadOnly, Pooling = false });
            if (builder.IntegratedSecurity || builder.Authentication is not (SqlAuthenticationMethod.NotSpecified or SqlAuthenticationMethod.SqlPassword))
            {
                // Windows or Entra ID sign-in would connect as the dashboard's own service identity.
                throw new ArgumentException("Use a SQL login (User Id and Password) for your database; signing in as the dashboard's own identity is not allowed.");
            }

            if (IsOwnSqlServerDatabase(builder))
            {
                throw new ArgumentException("That is the dashboard's own database; connect to your own data instead.");
            }

            if (builder.ConnectTimeout is 0 or > 15)
            {
                builder.ConnectTimeout = 15;
            }

            connection = new SqlConnection(builder.ConnectionString);
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
            await LockDownAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public string Hint(SqlProvider provider, string connectionString)
    {
        try
        {
            if (provider == SqlProvider.Sqlite)
            {
                return $"SQLite file {Path.GetFileName(new SqliteConnectionStringBuilder(connectionString).DataSource)}";
            }

            var builder = new SqlConnectionStringBuilder(connectionString);
            return $"SQL Server {builder.DataSource}, database {builder.InitialCatalog}";
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            return provider == SqlProvider.Sqlite ? "SQLite file" : "SQL Server";
        }
    }

    /// <summary>
    /// Reads a connection string with the driver's builder, whose own complaint ("Format of the
    /// initialization string does not conform to specification starting at index 0.") means nothing
    /// to the person who typed it; they get the form it should have instead.
    /// </summary>
    private static T Parse<T>(SqlProvider provider, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            throw new ArgumentException(
                provider == SqlProvider.Sqlite
                    ? "The connection string is not valid: write it as Data Source=<file name>, for example Data Source=shop.db."
                    : "The connection string is not valid: write it as Server=<host>;Database=<database>;User Id=<login>;Password=<password>, with the name of your server and database and a SQL login.",
                ex);
        }
    }

    /// <summary>
    /// The tenant's query runs as written (several statements are allowed by both drivers), so the
    /// session itself must be harmless. SQLite: no ATTACH (it would open any file, the dashboard's own
    /// database included) and query-only. SQL Server: implicit transactions, so any change a statement
    /// makes stays uncommitted and is rolled back when the (unpooled) connection closes.
    /// </summary>
    private static async Task LockDownAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            SQLitePCL.raw.sqlite3_limit(sqlite.Handle, SQLitePCL.raw.SQLITE_LIMIT_ATTACHED, 0);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = connection is SqliteConnection ? "PRAGMA query_only = ON;" : "SET IMPLICIT_TRANSACTIONS ON;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private bool IsOwnSqlServerDatabase(SqlConnectionStringBuilder source)
    {
        var own = database.Value;
        if (own.IsSqlite)
        {
            return false;
        }

        var app = new SqlConnectionStringBuilder(own.ConnectionString);
        return string.Equals(Host(app.DataSource), Host(source.DataSource), StringComparison.OrdinalIgnoreCase)
            && string.Equals(app.InitialCatalog, source.InitialCatalog, StringComparison.OrdinalIgnoreCase);
    }

    private static string Host(string dataSource) =>
        dataSource.Replace("tcp:", string.Empty, StringComparison.OrdinalIgnoreCase).Split(',')[0].Trim().TrimEnd('.');

    private bool IsOwnDatabase(string path)
    {
        var own = database.Value;
        if (!own.IsSqlite)
        {
            return false;
        }

        var ownPath = Path.GetFullPath(Path.Combine(environment.ContentRootPath, new SqliteConnectionStringBuilder(own.ConnectionString).DataSource));
        var dataFolder = Path.GetDirectoryName(ownPath)!;
        return string.Equals(path, ownPath, StringComparison.Ordinal)
            || (string.Equals(Path.GetDirectoryName(path), dataFolder, StringComparison.Ordinal) && path.EndsWith(".db", StringComparison.OrdinalIgnoreCase));
    }
}
