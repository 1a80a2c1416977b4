using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;

namespace Dashboard.Application.Auditing;

/// <inheritdoc />
internal sealed class AuditLog(TimeProvider time) : IAuditLog
{
    public void Record(IAppDbContext db, CallerContext caller, string action, string subject, string? before, string? after)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Record(db, caller.TenantId, string.IsNullOrEmpty(caller.UserId) ? null : caller.UserId, caller.ActorName, action, subject, before, after);
    }

    public void Record(IAppDbContext db, Guid tenantId, string? userId, string actor, string action, string subject, string? before, string? after)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AuditLog.Add(new AuditLogEntry
        {
            TenantId = tenantId,
            AtUtc = time.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserName = Truncate(actor, AuditLogEntry.UserNameMaxLength) ?? string.Empty,
            Action = action,
            Subject = Truncate(subject, AuditLogEntry.SubjectMaxLength) ?? string.Empty,
            Before = Truncate(before, AuditLogEntry.ValueMaxLength),
            After = Truncate(after, AuditLogEntry.ValueMaxLength),
        });
    }

    private static string? Truncate(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;
}
