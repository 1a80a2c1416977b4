using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dashboard.Infrastructure.Persistence;

/// <summary>
/// Sets per-connection SQLite pragmas: a busy timeout so a writer waits for another instead of failing
/// at once (web requests and Hangfire workers share the file), foreign keys on, and secure delete: SQLite
/// otherwise leaves deleted rows readable in the file's free pages, and an erased end-user must not be.
/// WAL itself is a property of the database file, set once at start-up.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
