namespace Dashboard.Application.DataSources.Import;

/// <summary>One row of input: its line (file) or row number (SQL), and its raw cells in header order.</summary>
public readonly record struct RawRow(long Line, string?[] Cells, string? Malformed = null);

/// <summary>Streams rows from a file or a query; nothing but the current row is held in memory.</summary>
public interface ITabularReader : IAsyncDisposable
{
    IReadOnlyList<string> Header { get; }

    /// <summary>0–1, how far through the input the reader is (best effort).</summary>
    double Fraction { get; }

    /// <summary>The next row, or null at the end. Throws <see cref="ImportInputException"/> for unreadable input.</summary>
    ValueTask<RawRow?> ReadAsync(CancellationToken cancellationToken);
}
