using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Auditing;

/// <summary>Reads the tenant's audit log (ViewAuditLog only).</summary>
public sealed class AuditLogService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory)
{
    public async Task<(IReadOnlyList<AuditLogEntry> Rows, int Total)> ListAsync(int skip, int take, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewAuditLog);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var total = await db.AuditLog.CountAsync(cancellationToken);
        var rows = await db.AuditLog.AsNoTracking()
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }
}
