using Dashboard.Application.Common;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources;

/// <summary>The editor's "Test connection": opens the database as typed (or as stored) and runs SELECT 1.</summary>
public sealed class SqlConnectionTestService(
    ICurrentUser currentUser,
    ITenantDbContextFactory dbFactory,
    ISecretProtector secrets,
    ISqlSourceConnector sql)
{
    /// <summary>Tests a connection string as typed, or (when null) the stored one of <paramref name="id"/>.</summary>
    public async Task<Result> TestConnectionAsync(Guid? id, SqlProvider provider, string? connectionString, CancellationToken cancellationToken = default)
    {
        var caller = await DataSourceAccess.CallerAsync(currentUser, cancellationToken);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (id is null)
            {
                return Result.Failure("Enter a connection string first.");
            }

            await using var db = dbFactory.CreateForTenant(caller.TenantId);
            var source = await DataSourceAccess.LoadAsync(db, id.Value, cancellationToken);
            if (source.ProtectedConnectionString is null)
            {
                return Result.Failure("Enter a connection string first.");
            }

            try
            {
                connectionString = secrets.Unprotect(source.ProtectedConnectionString);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                return Result.Failure(ImportJobHandler.UnreadableSecretMessage);
            }
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await using var connection = await sql.OpenAsync(provider, connectionString, timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token);
            return Result.Success;
        }
#pragma warning disable CA1031 // Whatever the driver throws, the user needs its message, not a crash.
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return Result.Failure($"Could not connect: {ex.Message}");
        }
    }
}
