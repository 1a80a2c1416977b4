using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;

namespace Dashboard.Application.Auditing;

/// <inheritdoc />
internal sealed class AuditLog(TimeProvider time) : IAuditLog
{
    public void Record(IAppDbContext db, CallerContext caller, string action, string subject, string? before, string? after)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(caller);
        db.AuditLog.Add(new AuditLogEntry
        {
            TenantId = caller.TenantId,
            AtUtc = time.GetUtcNow().UtcDateTime,
            UserId = string.IsNullOrEmpty(caller.UserId) ? null : caller.UserId,
            UserName = Truncate(caller.ActorName, AuditLogEntry.UserNameMaxLength)!,
            Action = action,
            Subject = subject,
            Before = Truncate(before),
            After = Truncate(after),
        });
    }

    private static string? Truncate(string? value, int max = AuditLogEntry.ValueMaxLength) =>
        value is not null && value.Length > max ? value[..max] : value;
}
