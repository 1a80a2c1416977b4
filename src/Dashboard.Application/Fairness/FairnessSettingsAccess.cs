using Dashboard.Application.Common;
using Dashboard.Domain.Fairness;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Fairness;

public static class FairnessSettingsAccess
{
    /// <summary>The tenant's thresholds row, tracked; a new row with the defaults (added, not yet saved) when none was ever saved.</summary>
    public static async Task<FairnessSettings> FairnessSettingsForUpdateAsync(this IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = await db.FairnessSettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new FairnessSettings { TenantId = db.TenantId };
            db.FairnessSettings.Add(settings);
        }

        return settings;
    }

    /// <summary>The tenant's thresholds as stored, or the defaults; not tracked.</summary>
    public static async Task<FairnessSettings> FairnessSettingsAsync(this IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.FairnessSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new FairnessSettings { TenantId = db.TenantId };
    }
}
