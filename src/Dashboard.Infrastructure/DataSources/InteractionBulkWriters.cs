using System.Data;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Domain.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.DataSources;

/// <summary>Writes interaction rows in the import's transaction: prepared INSERTs (SQLite) or SqlBulkCopy (SQL Server).</summary>
internal interface IInteractionBulkWriter : IAsyncDisposable
{
    ValueTask AddAsync(long userId, long itemId, InteractionType type, double value, DateTime occurredAtUtc, CancellationToken cancellationToken);

    /// <summary>
    /// True when this writer removes its own repeated rows on <see cref="CompleteDatasetAsync"/> (see
    /// <see cref="IIngestionSession.RemovesRepeatedInteractions"/>).
    /// </summary>
    bool RemovesRepeats { get; }

    /// <summary>Rows this writer wrote and removed again as repeats of an earlier row it wrote.</summary>
    long RepeatsRemoved { get; }

    /// <summary>Writes what is buffered and leaves the table ready to read (indexes in place).</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary><see cref="FlushAsync"/>, after removing this writer's repeats when it <see cref="RemovesRepeats"/>.</summary>
    Task CompleteDatasetAsync(CancellationToken cancellationToken);
}

/// <summary>
/// SQLite: prepared INSERTs of <see cref="RowsPerStatement"/> rows each, reused for the whole import inside
/// its one transaction (one statement per row spends most of its time in the driver, not in SQLite). Few
/// rows per statement, because the driver binds every parameter by name on each execution and SQLite finds
/// a name by scanning the statement's list: the cost per row grows with the parameters per statement
/// (64 rows, 384 parameters, took 10 µs a row; 8 rows about 4 µs). The
/// tenant and the event-type names are converted to their stored form once; per row only the changing
/// values are set (through EF's type mappings, so they are stored exactly as EF stores them).
/// <para>
/// A bulk write that becomes large relative to the table drops the table's secondary indexes and builds
/// them again before anything reads them (<see cref="FlushAsync"/>): inserting rows in random order into
/// indexes that have outgrown the page cache is what made imports slower than linear, while building
/// an index sorts once. Into an empty table they are dropped before the first row, since rebuilding them then
/// costs only what this write adds. The indexes go with the transaction: a rolled-back import leaves them as they were,
/// and other connections keep reading the committed indexes meanwhile (WAL).
/// </para>
/// <para>
/// A bulk writer also removes its own repeats on <see cref="CompleteDatasetAsync"/>: of the rows it wrote (ids from the first
/// one on, this tenant), those with the same end-user, item, type and time as an earlier one go: a GROUP BY that
/// SQLite sorts in runs of its page cache (spilling to temporary files) finds the repeated keys, and one more pass
/// over the same rows removes all but the first of each. The caller does not have to
/// remember every row it sent, so memory stays the same however many rows an import has.
/// </para>
/// </summary>
internal sealed class PreparedInteractionWriter : IInteractionBulkWriter
{
    public const int RowsPerStatement = 8;

    /// <summary>Below this many rows in one write, keeping the indexes up to date costs less than rebuilding them.</summary>
    public const long MinRowsToRebuildIndexes = 100_000;

    /// <summary>SQLite page cache while repeats are found and the indexes built, in KiB: SQLite's default (see <see cref="FlushAsync"/>).</summary>
    public const int SortCacheKib = 2_000;

    /// <summary>Helper threads SQLite may sort with (PRAGMA threads), one per core up to four.</summary>
    private static readonly int SortThreads = Math.Clamp(Environment.ProcessorCount, 1, 4);

    private const int Columns = 6;

    private static readonly string[] Properties =
        [nameof(Interaction.TenantId), nameof(Interaction.EndUserId), nameof(Interaction.ItemId), nameof(Interaction.Type), nameof(Interaction.Value), nameof(Interaction.OccurredAtUtc)];

    private readonly ProviderCommands _commands;
    private readonly ProviderCommands.Prepared _one;
    private readonly ProviderCommands.Prepared _many;
    private readonly string? _createRepeats;
    private readonly string? _dropRepeats;
    private readonly ProviderCommands.Prepared? _findRepeats;
    private readonly ProviderCommands.Prepared? _removeRepeats;
    private readonly object[] _types;
    private readonly bool _mayRebuildIndexes;
    private readonly (long User, long Item, InteractionType Type, double Value, DateTime At)[] _pending = new (long, long, InteractionType, double, DateTime)[RowsPerStatement];
    private int _count;
    private long _written;
    private long _writtenWhenRepeatsRemoved;
    private long _firstId = -1;
    private long _rebuildAfter = -1;
    private bool _tableWasEmpty;
    private List<string>? _droppedIndexes;

    /// <param name="bulk">A large write: it may drop and rebuild the indexes, and it removes its own repeats.</param>
    public PreparedInteractionWriter(ProviderCommands commands, Guid tenantId, bool bulk)
    {
        _commands = commands;
        _mayRebuildIndexes = bulk;
        _one = commands.Insert<Interaction>(false, Properties);
        var columns = string.Join(", ", Properties.Select(commands.Column<Interaction>));
        var values = string.Join(", ", Enumerable.Range(0, RowsPerStatement).Select(r => "(" + string.Join(", ", Enumerable.Range(0, Columns).Select(c => $"@p{(r * Columns) + c}")) + ")"));
        _many = commands.Create<Interaction>(
            $"INSERT INTO {commands.Table<Interaction>()} ({columns}) VALUES {values}", [.. Enumerable.Range(0, RowsPerStatement).SelectMany(_ => Properties)]);
        var tenant = _one.Convert(0, tenantId);
        _one.SetRaw(0, tenant);
        for (var r = 0; r < RowsPerStatement; r++)
        {
            _many.SetRaw(r * Columns, tenant);
        }

        _types = [.. Enum.GetValues<InteractionType>().Select(t => _one.Convert(3, t))];
        if (bulk)
        {
            string Column(string property) => commands.Column<Interaction>(property);
            // The keys this write repeats, with the first id of each, from one GROUP BY over its own rows (a rowid
            // range; the unary + keeps SQLite from reading them through the tenant index instead) into a temporary
            // table keyed like the rows; then one more pass over the same range removes each row that comes after the
            // first of its key. Both bounded in memory: the sort and the temporary table spill to temporary files.
            string[] key = [Column(nameof(Interaction.EndUserId)), Column(nameof(Interaction.ItemId)), Column(nameof(Interaction.Type)), Column(nameof(Interaction.OccurredAtUtc))];
            string id = Column(nameof(Interaction.Id)), table = commands.Table<Interaction>(), repeated = "temp." + commands.Quote("RepeatedInteractions");
            var ownRows = $"{id} >= @p0 AND +{Column(nameof(Interaction.TenantId))} = @p1";
            // Typed like the rows' columns: SQLite searches the key only between columns of the same affinity.
            string Typed(string property) => $"{Column(property)} {commands.Entity<Interaction>().FindProperty(property)!.GetColumnType()}";
            _createRepeats = $"CREATE TEMP TABLE IF NOT EXISTS {commands.Quote("RepeatedInteractions")} (" +
                $"{Typed(nameof(Interaction.EndUserId))}, {Typed(nameof(Interaction.ItemId))}, {Typed(nameof(Interaction.Type))}, {Typed(nameof(Interaction.OccurredAtUtc))}, " +
                $"{commands.Quote("FirstId")} {commands.Entity<Interaction>().FindProperty(nameof(Interaction.Id))!.GetColumnType()}, " +
                $"PRIMARY KEY ({string.Join(", ", key)})) WITHOUT ROWID; DELETE FROM {repeated}";
            _dropRepeats = $"DROP TABLE {repeated}";
            _findRepeats = commands.Create<Interaction>(
                $"INSERT INTO {repeated} SELECT {string.Join(", ", key)}, MIN({id}) FROM {table} WHERE {ownRows} GROUP BY {string.Join(", ", key)} HAVING COUNT(*) > 1",
                nameof(Interaction.Id), nameof(Interaction.TenantId));
            _findRepeats.SetRaw(1, tenant);
            _removeRepeats = commands.Create<Interaction>(
                $"DELETE FROM {table} WHERE {ownRows} AND {id} > (SELECT {commands.Quote("FirstId")} FROM {repeated} AS {commands.Quote("Repeated")} " +
                $"WHERE {string.Join(" AND ", key.Select(k => $"{commands.Quote("Repeated")}.{k} = {table}.{k}"))})",
                nameof(Interaction.Id), nameof(Interaction.TenantId));
            _removeRepeats.SetRaw(1, tenant);
        }
    }

    public bool RemovesRepeats => _removeRepeats is not null;

    public long RepeatsRemoved { get; private set; }

    public async ValueTask AddAsync(long userId, long itemId, InteractionType type, double value, DateTime occurredAtUtc, CancellationToken cancellationToken)
    {
        if (_mayRebuildIndexes && _written == 0 && _count == 0 && _droppedIndexes is null && await RebuildAfterAsync(cancellationToken) > 0 && _tableWasEmpty)
        {
            _droppedIndexes = await DropIndexesAsync(cancellationToken);
        }

        _pending[_count++] = (userId, itemId, type, value, occurredAtUtc);
        if (_count < RowsPerStatement)
        {
            return;
        }

        for (var r = 0; r < RowsPerStatement; r++)
        {
            Bind(_many, r * Columns, _pending[r]);
        }

        _many.Execute();
        _count = 0;
        _written += RowsPerStatement;
        if (_mayRebuildIndexes && _droppedIndexes is null && _written >= await RebuildAfterAsync(cancellationToken))
        {
            _droppedIndexes = await DropIndexesAsync(cancellationToken);
        }
    }

    private void Bind(ProviderCommands.Prepared command, int offset, (long User, long Item, InteractionType Type, double Value, DateTime At) row)
    {
        command.SetRaw(offset + 1, row.User);
        command.SetRaw(offset + 2, row.Item);
        command.SetRaw(offset + 3, _types[(int)row.Type]);
        command.SetRaw(offset + 4, row.Value);
        command.Set(offset + 5, row.At);
    }

    /// <summary>
    /// Rebuilding reads the whole table (every tenant's rows), so it pays only once this write has added a
    /// quarter of what the table held; the highest id stands in for the row count (no full count needed).
    /// </summary>
    private async ValueTask<long> RebuildAfterAsync(CancellationToken cancellationToken)
    {
        if (_rebuildAfter < 0)
        {
            await using var command = _commands.CreateCommand(
                $"SELECT COALESCE(MAX({_commands.Column<Interaction>(nameof(Interaction.Id))}), 0) FROM {_commands.Table<Interaction>()}");
            var highest = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            _rebuildAfter = Math.Max(MinRowsToRebuildIndexes, highest / 4);
            _tableWasEmpty = highest == 0;
            _firstId = highest + 1;
        }

        return _rebuildAfter;
    }

    private async Task<List<string>> DropIndexesAsync(CancellationToken cancellationToken)
    {
        var definitions = new List<(string Name, string Sql)>();
        await using (var read = _commands.CreateCommand("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = @table AND sql IS NOT NULL"))
        {
            var table = read.CreateParameter();
            table.ParameterName = "@table";
            table.Value = _commands.Entity<Interaction>().GetTableName();
            read.Parameters.Add(table);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                definitions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in definitions)
        {
            await using var drop = _commands.CreateCommand($"DROP INDEX {_commands.Quote(name)}");
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        return [.. definitions.Select(d => d.Sql)];
    }

    public Task FlushAsync(CancellationToken cancellationToken) => FlushAsync(removeRepeats: false, cancellationToken);

    public Task CompleteDatasetAsync(CancellationToken cancellationToken) => FlushAsync(removeRepeats: _removeRepeats is not null, cancellationToken);

    private async Task FlushAsync(bool removeRepeats, CancellationToken cancellationToken)
    {
        for (var r = 0; r < _count; r++)
        {
            Bind(_one, 0, _pending[r]);
            _one.Execute();
        }

        _written += _count;
        _count = 0;
        removeRepeats = removeRepeats && _written > _writtenWhenRepeatsRemoved;
        if (!removeRepeats && _droppedIndexes is null)
        {
            return;
        }

        // SQLite sorts (for the GROUP BY that finds repeats, and for each index) in runs as large as the page cache,
        // then merges them. Runs of the import's cache outgrow the CPU caches, and building grew faster than the
        // rows (4M rows took 7× the time of 1M per index); runs of SQLite's default size keep it near linear and
        // faster at every size. Helper threads sort runs while the connection merges (10M rows: finding repeats took
        // 10.0 s instead of 12.6 s on 2 cores). Repeats go before the indexes are built, so their rows are never indexed.
        await ExecuteAsync($"PRAGMA cache_size = -{SortCacheKib}; PRAGMA threads = {SortThreads};", cancellationToken);
        if (removeRepeats)
        {
            await RebuildAfterAsync(cancellationToken);
            await ExecuteAsync(_createRepeats!, cancellationToken);
            var keys = _findRepeats!.With(_firstId).Execute();
            RepeatsRemoved += keys > 0 ? _removeRepeats!.With(_firstId).Execute() : 0;
            await ExecuteAsync(_dropRepeats!, cancellationToken);
            _writtenWhenRepeatsRemoved = _written;
        }

        foreach (var sql in _droppedIndexes ?? [])
        {
            await ExecuteAsync(sql, cancellationToken);
        }

        _droppedIndexes = null;
        await ExecuteAsync($"PRAGMA cache_size = -{IngestionSession.SqliteCacheKib}; PRAGMA threads = 0;", cancellationToken);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _commands.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _one.DisposeAsync();
        await _many.DisposeAsync();
        foreach (var command in new[] { _findRepeats, _removeRepeats })
        {
            if (command is not null)
            {
                await command.DisposeAsync();
            }
        }
    }
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

    /// <summary>False: on SQL Server the caller keeps finding repeats itself (see the README's import benchmark).</summary>
    public bool RemovesRepeats => false;

    public long RepeatsRemoved => 0;

    public Task CompleteDatasetAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

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
