namespace Dashboard.Domain.DataSources;

public enum ImportState
{
    Queued,
    Running,
    Succeeded,

    /// <summary>Validation refused the input (too many bad rows, empty file…); nothing was written.</summary>
    Rejected,

    /// <summary>Something broke (database, process stopped); nothing was written.</summary>
    Failed,
}
