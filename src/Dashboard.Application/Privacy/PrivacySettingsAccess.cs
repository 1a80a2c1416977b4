using Dashboard.Application.Common;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy;

public static class PrivacySettingsAccess
{
    /// <summary>
    /// The tenant's settings row, tracked so changes are saved with the context; a new row with the defaults
    /// (added, not yet saved) when the tenant never changed a setting.
    /// </summary>
    public static async Task<PrivacySettings> PrivacySettingsForUpdateAsync(this IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = await db.PrivacySettings.SingleOrDefaultAsync(cancellationToken);
        if (settings is null)
        {
            settings = new PrivacySettings { TenantId = db.TenantId };
            db.PrivacySettings.Add(settings);
        }

        return settings;
    }

    /// <summary>The tenant's settings as stored, or the defaults; not tracked.</summary>
    public static async Task<PrivacySettings> PrivacySettingsAsync(this IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.PrivacySettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken) ?? new PrivacySettings { TenantId = db.TenantId };
    }
}
