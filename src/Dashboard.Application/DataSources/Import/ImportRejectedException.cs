namespace Dashboard.Application.DataSources.Import;

/// <summary>Validation refused the import as a whole (too many bad rows, nothing usable). Nothing was written.</summary>
public sealed class ImportRejectedException : Exception
{
    public ImportRejectedException()
    {
    }

    public ImportRejectedException(string message)
        : base(message)
    {
    }

    public ImportRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
