using System.Data.Common;
using System.Globalization;

namespace Dashboard.Application.DataSources.Import;

/// <summary>Streams the rows of a query as text cells; the header is the result's column names, "lines" are row numbers.</summary>
public sealed class DbRowReader : ITabularReader
{
    private readonly DbConnection _connection;
    private readonly DbCommand _command;
    private readonly DbDataReader _reader;
    private long _row;

    private DbRowReader(DbConnection connection, DbCommand command, DbDataReader reader)
    {
        _connection = connection;
        _command = command;
        _reader = reader;
        Header = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    public IReadOnlyList<string> Header { get; }

    public double Fraction => 0;

    /// <summary>Runs <paramref name="query"/> on an open connection, which the reader then owns.</summary>
    public static async Task<DbRowReader> OpenAsync(DbConnection connection, string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.CommandText = query;
        command.CommandTimeout = 600;
        try
        {
            var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
            return new DbRowReader(connection, command, reader);
        }
        catch (DbException ex)
        {
            await command.DisposeAsync();
            await connection.DisposeAsync();
            throw new ImportInputException($"The query could not run: {ex.Message}", ex);
        }
    }

    public async ValueTask<RawRow?> ReadAsync(CancellationToken cancellationToken)
    {
        if (!await _reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        _row++;
        var cells = new string?[_reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            if (await _reader.IsDBNullAsync(i, cancellationToken))
            {
                continue;
            }

            cells[i] = _reader.GetValue(i) switch
            {
                DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString(),
            };
        }

        return new RawRow(_row, cells);
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync();
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
