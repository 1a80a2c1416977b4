namespace Dashboard.Infrastructure.Persistence;

/// <summary>Thrown when a save would edit or delete an audit log entry: the log is append-only. Always a bug, never user error.</summary>
public sealed class AuditLogChangeRefusedException : InvalidOperationException
{
    public AuditLogChangeRefusedException()
    {
    }

    public AuditLogChangeRefusedException(string message)
        : base(message)
    {
    }

    public AuditLogChangeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
