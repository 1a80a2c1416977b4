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
            var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            var root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, sources.Value.SqliteSourcePath));
            var path = Path.GetFullPath(Path.Combine(root, builder.DataSource));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new ArgumentException($"SQLite files must be in the folder the administrator set up for them ({sources.Value.SqliteSourcePath}); give the file's name.");
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
            var builder = new SqlConnectionStringBuilder(connectionString) { ApplicationIntent = ApplicationIntent.ReadOnly };
            if (builder.ConnectTimeout > 15)
            {
                builder.ConnectTimeout = 15;
            }

            connection = new SqlConnection(builder.ConnectionString);
        }

        try
        {
            await connection.OpenAsync(cancellationToken);
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
        catch (ArgumentException)
        {
            return provider == SqlProvider.Sqlite ? "SQLite file" : "SQL Server";
        }
    }

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
