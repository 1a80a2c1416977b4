namespace Dashboard.Application.Common;

/// <summary>An id did not resolve inside the caller's tenant (whether or not it exists elsewhere).</summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
        : base("Not found.")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
