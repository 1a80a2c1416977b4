using Dashboard.Application.Common;

namespace Dashboard.Application.Auditing;

/// <summary>Adds one audit entry to the context's pending changes; it is saved with the change it describes.</summary>
public interface IAuditLog
{
    void Record(IAppDbContext db, CallerContext caller, string action, string subject, string? before, string? after);

    /// <summary>
    /// For changes no signed-in caller makes directly (a job finishing, a sign-in, the app's own set-up):
    /// <paramref name="actor"/> is the text the log shows as "who", e.g. "import job (requested by ana@example.com)".
    /// </summary>
    void Record(IAppDbContext db, Guid tenantId, string? userId, string actor, string action, string subject, string? before, string? after);
}
