using Dashboard.Domain.DataSources;

namespace Dashboard.Application.DataSources.Import;

/// <summary>The input as a whole cannot be imported (empty, unreadable, wrong delimiter…). The message is for a marketer.</summary>
public sealed class ImportInputException : Exception
{
    public ImportInputException()
    {
    }

    public ImportInputException(string message)
        : base(message)
    {
    }

    public ImportInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImportInputException(string message, long line, string? column = null)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    public ImportInputException(string message, long line, Exception innerException)
        : base(message, innerException)
    {
        Line = line;
    }

    /// <summary>The line the message names, or <see cref="ImportError.WholeInput"/> when it names none.</summary>
    public long Line { get; }

    public string? Column { get; }
}
