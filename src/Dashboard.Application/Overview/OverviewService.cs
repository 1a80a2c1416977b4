using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Overview;

/// <summary>Counts, the interactions-per-day series and the getting-started checklist for the Overview page.</summary>
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
        return new OverviewSummary(endUsers, items, interactions, perDay, GettingStarted(interactions));
    }

    /// <summary>
    /// Only "Connect data" can be done today; training, the bias audit and campaigns are listed so a new
    /// organisation sees the whole path, without a link or a tick until they exist.
    /// </summary>
    private static IReadOnlyList<GettingStartedStep> GettingStarted(int interactions) =>
    [
        new("Connect data", "/data-sources", interactions > 0),
        new("Train a model", null, false),
        new("Review the bias audit", null, false),
        new("Run a campaign", null, false),
    ];
}
