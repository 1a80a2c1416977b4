using Dashboard.Application.Common;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Overview;

/// <summary>
/// The interactions-per-day series the Overview and the Data preview both chart. The window ends at the
/// newest event, not "now", so imported history still shows; a short history starts at its oldest event
/// (but spans at least <see cref="MinDays"/>) instead of months of zeros before a first import.
/// </summary>
public static class InteractionsPerDay
{
    public const int MaxDays = 180;
    public const int MinDays = 14;

    /// <summary>Counted in the database (one GROUP BY); empty when the tenant has no interactions.</summary>
    public static async Task<IReadOnlyList<DailyCount>> QueryAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Interactions.AnyAsync(cancellationToken))
        {
            return [];
        }

        var newest = (await db.Interactions.MaxAsync(i => i.OccurredAtUtc, cancellationToken)).Date;
        var oldest = (await db.Interactions.MinAsync(i => i.OccurredAtUtc, cancellationToken)).Date;
        var from = oldest;
        if (from < newest.AddDays(-(MaxDays - 1)))
        {
            from = newest.AddDays(-(MaxDays - 1));
        }

        if (from > newest.AddDays(-(MinDays - 1)))
        {
            from = newest.AddDays(-(MinDays - 1));
        }

        var grouped = await db.Interactions
            .Where(i => i.OccurredAtUtc >= from)
            .GroupBy(i => i.OccurredAtUtc.Date)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byDay = grouped.ToDictionary(g => g.Day, g => g.Count);
        var days = new List<DailyCount>((int)(newest - from).TotalDays + 1);
        for (var d = from; d <= newest; d = d.AddDays(1))
        {
            days.Add(new DailyCount(DateOnly.FromDateTime(d), byDay.GetValueOrDefault(d)));
        }

        return days;
    }
}
