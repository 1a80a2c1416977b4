using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Overview;

/// <summary>Counts and the interactions-per-day series for the Overview page.</summary>
public sealed class OverviewService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory)
{
    public async Task<OverviewSummary> GetAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);

        var endUsers = await db.EndUsers.CountAsync(cancellationToken);
        var items = await db.Items.CountAsync(cancellationToken);
        var interactions = await db.Interactions.CountAsync(cancellationToken);

        var perDay = await InteractionsPerDay.QueryAsync(db, cancellationToken);
        return new OverviewSummary(endUsers, items, interactions, perDay);
    }
}
