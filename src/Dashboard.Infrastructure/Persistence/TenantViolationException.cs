namespace Dashboard.Infrastructure.Persistence;

/// <summary>Thrown when a write would cross a tenant boundary. Always a bug, never user error.</summary>
public sealed class TenantViolationException : InvalidOperationException
{
    public TenantViolationException()
    {
    }

    public TenantViolationException(string message)
        : base(message)
    {
    }

    public TenantViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
