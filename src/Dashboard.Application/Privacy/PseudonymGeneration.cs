using Dashboard.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy;

/// <summary>
/// Which form a tenant's stored end-user ids are in: 0 while they are raw, else the number of pseudonym keys (each
/// re-key run adds one). Work that reads ids and writes something keyed by them later (training writing a model)
/// compares it before and after, so it never stores ids in a form the data no longer uses.
/// </summary>
public static class PseudonymGeneration
{
    public static async Task<int> ReadAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var enabled = await db.PrivacySettings.AsNoTracking().Select(s => s.PseudonymiseEndUserIds).FirstOrDefaultAsync(cancellationToken);
        return enabled ? await db.PseudonymKeys.CountAsync(cancellationToken) : 0;
    }
}
