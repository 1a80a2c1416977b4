namespace Dashboard.Domain.DataSources;

public enum BadRowPolicy
{
    /// <summary>Import the good rows; report the bad ones (still all-or-nothing for the good rows).</summary>
    SkipBadRows,

    /// <summary>Reject the whole import once <see cref="DataSource.MaxErrors"/> bad rows are found.</summary>
    RejectFileOnErrors,
}
