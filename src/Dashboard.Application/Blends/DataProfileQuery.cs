using Dashboard.Application.Common;
using Dashboard.Domain.Data;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Blends;

/// <summary>
/// What the tenant's stored data holds, for validating a blend before training: counts and two cheap
/// EXISTS checks, never a scan that builds rows.
/// </summary>
public static class DataProfileQuery
{
    public static async Task<DataProfile> ComputeAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var endUsers = await db.EndUsers.CountAsync(cancellationToken);
        var items = await db.Items.CountAsync(cancellationToken);
        var interactions = await db.Interactions.LongCountAsync(cancellationToken);
        var hasRatings = await db.Interactions.AnyAsync(i => i.Type == InteractionType.Rating && i.Value > 0, cancellationToken);
        var hasItemText = await db.Items.AnyAsync(i => !i.IsPlaceholder && (i.Title != "" || (i.Category != null && i.Category != "") || (i.Tags != null && i.Tags != "")), cancellationToken);
        return new DataProfile(endUsers, items, (int)Math.Min(interactions, int.MaxValue), hasRatings, hasItemText);
    }
}
