using System.Data.Common;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources;

/// <summary>Opens a tenant's own database (SQL Server or SQLite) for reading.</summary>
public interface ISqlSourceConnector
{
    /// <summary>Opens the connection; throws <see cref="ArgumentException"/> for a connection string we refuse.</summary>
    Task<DbConnection> OpenAsync(SqlProvider provider, string connectionString, CancellationToken cancellationToken);

    /// <summary>Server and database without credentials, for display.</summary>
    string Hint(SqlProvider provider, string connectionString);
}
