using System.Data;
using Dashboard.Domain.Data;
using Microsoft.Data.SqlClient;

namespace Dashboard.Infrastructure.DataSources;

/// <summary>Writes interaction rows in the import's transaction: prepared INSERTs (SQLite) or SqlBulkCopy (SQL Server).</summary>
internal interface IInteractionBulkWriter : IAsyncDisposable
{
    ValueTask AddAsync(long userId, long itemId, InteractionType type, double value, DateTime occurredAtUtc, CancellationToken cancellationToken);

    Task FlushAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One prepared INSERT reused per row: on SQLite inside one transaction this is the fastest path. The
/// tenant and the event-type names are converted to their stored form once; per row only the changing
/// values are converted (through EF's converters, so they are stored exactly as EF stores them).
/// </summary>
internal sealed class PreparedInteractionWriter : IInteractionBulkWriter
{
    private readonly ProviderCommands.Prepared _insert;
    private readonly object[] _types;

    public PreparedInteractionWriter(ProviderCommands commands, Guid tenantId)
    {
        _insert = commands.Insert<Interaction>(
            false, nameof(Interaction.TenantId), nameof(Interaction.EndUserId), nameof(Interaction.ItemId), nameof(Interaction.Type), nameof(Interaction.Value),
            nameof(Interaction.OccurredAtUtc));
        _insert.Set(0, tenantId);
        _types = [.. Enum.GetValues<InteractionType>().Select(t => _insert.Convert(3, t))];
    }

    public ValueTask AddAsync(long userId, long itemId, InteractionType type, double value, DateTime occurredAtUtc, CancellationToken cancellationToken)
    {
        _insert.SetRaw(1, userId);
        _insert.SetRaw(2, itemId);
        _insert.SetRaw(3, _types[(int)type]);
        _insert.SetRaw(4, value);
        _insert.Set(5, occurredAtUtc);
        _insert.Execute();
        return ValueTask.CompletedTask;
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => _insert.DisposeAsync();
}

/// <summary>
/// SQL Server: rows are buffered in a <see cref="DataTable"/> of <see cref="BatchSize"/> rows and sent with
/// <see cref="SqlBulkCopy"/> inside the import's transaction, so memory stays at one batch.
/// </summary>
internal sealed class SqlBulkCopyInteractionWriter : IInteractionBulkWriter
{
    public const int BatchSize = 50_000;

    private readonly SqlConnection _connection;
    private readonly SqlTransaction _transaction;
    private readonly Guid _tenantId;
    private readonly string _table;

    public SqlBulkCopyInteractionWriter(SqlConnection connection, SqlTransaction transaction, Guid tenantId, string table)
    {
        _connection = connection;
        _transaction = transaction;
        _tenantId = tenantId;
        _table = table;
        Buffer = CreateTable();
    }

    /// <summary>The pending batch; its columns are those of the Interactions table.</summary>
    public DataTable Buffer { get; }

    /// <summary>The table shape the bulk copy sends: column names equal the Interactions columns; Type as its name (text).</summary>
    public static DataTable CreateTable()
    {
        var table = new DataTable("Interactions") { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Columns.Add(nameof(Interaction.TenantId), typeof(Guid));
        table.Columns.Add(nameof(Interaction.EndUserId), typeof(long));
        table.Columns.Add(nameof(Interaction.ItemId), typeof(long));
        table.Columns.Add(nameof(Interaction.Type), typeof(string));
        table.Columns.Add(nameof(Interaction.Value), typeof(double));
        table.Columns.Add(nameof(Interaction.OccurredAtUtc), typeof(DateTime));
        return table;
    }

    /// <summary>The bulk copy set-up for a table: explicit name-to-name column mappings, the import's transaction.</summary>
    public static SqlBulkCopy CreateBulkCopy(SqlConnection connection, SqlTransaction? transaction, string table, DataTable shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction)
        {
            DestinationTableName = table,
            BatchSize = BatchSize,
            BulkCopyTimeout = 0,
        };
        foreach (DataColumn column in shape.Columns)
        {
            copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        return copy;
    }

    public async ValueTask AddAsync(long userId, long itemId, InteractionType type, double value, DateTime occurredAtUtc, CancellationToken cancellationToken)
    {
        Buffer.Rows.Add(_tenantId, userId, itemId, type.ToString(), value, occurredAtUtc);
        if (Buffer.Rows.Count >= BatchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (Buffer.Rows.Count == 0)
        {
            return;
        }

        using var copy = CreateBulkCopy(_connection, _transaction, _table, Buffer);
        await copy.WriteToServerAsync(Buffer, cancellationToken);
        Buffer.Clear();
    }

    public ValueTask DisposeAsync()
    {
        Buffer.Dispose();
        return ValueTask.CompletedTask;
    }
}
