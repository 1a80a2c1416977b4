using Dashboard.Application.Common;

namespace Dashboard.Application.Auditing;

/// <summary>Adds one audit entry to the context's pending changes; it is saved with the change it describes.</summary>
public interface IAuditLog
{
    void Record(IAppDbContext db, CallerContext caller, string action, string subject, string? before, string? after);
}
