using Dashboard.Application.Common;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Overview;

/// <summary>Counts and the interactions-per-day series for the Overview page.</summary>
public sealed class OverviewService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory)
{
    public async Task<OverviewSummary> GetAsync(int days = 180, CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.GetAsync(cancellationToken);
        caller.Demand(Policies.ViewDashboard);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);

        var endUsers = await db.EndUsers.CountAsync(cancellationToken);
        var items = await db.Items.CountAsync(cancellationToken);
        var interactions = await db.Interactions.CountAsync(cancellationToken);

        var perDay = new List<DailyCount>();
        if (interactions > 0)
        {
            // The window ends at the newest event, not "now", so imported history still shows.
            var newest = await db.Interactions.MaxAsync(i => i.OccurredAtUtc, cancellationToken);
            var from = newest.Date.AddDays(-(days - 1));
            var grouped = await db.Interactions
                .Where(i => i.OccurredAtUtc >= from)
                .GroupBy(i => i.OccurredAtUtc.Date)
                .Select(g => new { Day = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken);
            var byDay = grouped.ToDictionary(g => g.Day, g => g.Count);
            for (var d = from; d <= newest.Date; d = d.AddDays(1))
            {
                perDay.Add(new DailyCount(DateOnly.FromDateTime(d), byDay.GetValueOrDefault(d)));
            }
        }

        return new OverviewSummary(endUsers, items, interactions, perDay);
    }
}
