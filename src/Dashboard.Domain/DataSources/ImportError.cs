using Dashboard.Domain.Tenancy;

namespace Dashboard.Domain.DataSources;

/// <summary>One reported problem of an import: where (line, column), the value and why it was refused.</summary>
public sealed class ImportError : ITenantOwned
{
    public const int ColumnMaxLength = 128;
    public const int ValueMaxLength = 256;
    public const int ReasonMaxLength = 500;

    /// <summary>The <see cref="Line"/> of a problem with the input as a whole (a query that failed, an empty file).</summary>
    public const long WholeInput = 0;

    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid ImportRunId { get; set; }

    /// <summary>1-based line in the file (header = line 1), or row number for SQL sources; <see cref="WholeInput"/> for none.</summary>
    public long Line { get; set; }

    public string? Column { get; set; }

    public string? Value { get; set; }

    public required string Reason { get; set; }
}
