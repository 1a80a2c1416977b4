using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.Overview;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.DataSources.Preview;

/// <summary>
/// The tenant's whole interaction history, zero-filled, one point per <see cref="Bucket"/> (each point's
/// <see cref="DailyCount.Day"/> is the first day of its period). A long history is counted per week or
/// month so that imported data sets such as MovieLens (1997–2003) show in full and stay readable.
/// </summary>
public sealed record InteractionHistory(TimeBucket Bucket, IReadOnlyList<DailyCount> Points)
{
    /// <summary>Longest history still charted per day.</summary>
    public const int MaxDailyDays = 180;

    /// <summary>Longest history still charted per week; longer ones are charted per month.</summary>
    public const int MaxWeeklyDays = 730;

    /// <summary>Axis labels wanted on a chart; the other points are left unlabelled.</summary>
    public const int MaxLabels = 12;

    public static readonly InteractionHistory Empty = new(TimeBucket.Day, []);

    /// <summary>"day", "week" or "month", for the chart's title.</summary>
    public string BucketName => Bucket.ToString().ToLowerInvariant();

    /// <summary>
    /// One label per point, about <see cref="MaxLabels"/> of them filled; the year is shown when the history
    /// crosses a year (and always per month) so 1997 and 1998 cannot be confused.
    /// </summary>
    public IReadOnlyList<string> Labels()
    {
        if (Points.Count == 0)
        {
            return [];
        }

        var crossesYears = Points[0].Day.Year != Points[^1].Day.Year;
        var format = Bucket == TimeBucket.Month ? "MMM yyyy" : crossesYears ? "MMM d, yyyy" : "MMM d";
        var every = Math.Max(1, (Points.Count + MaxLabels - 1) / MaxLabels);
        return [.. Points.Select((p, i) => i % every == 0 ? p.Day.ToString(format, CultureInfo.InvariantCulture) : string.Empty)];
    }

    /// <summary>Counted per day in the database (one GROUP BY), folded into weeks or months here.</summary>
    public static async Task<InteractionHistory> QueryAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Interactions.AnyAsync(cancellationToken))
        {
            return Empty;
        }

        var newest = DateOnly.FromDateTime(await db.Interactions.MaxAsync(i => i.OccurredAtUtc, cancellationToken));
        var oldest = DateOnly.FromDateTime(await db.Interactions.MinAsync(i => i.OccurredAtUtc, cancellationToken));
        var grouped = await db.Interactions
            .GroupBy(i => i.OccurredAtUtc.Date)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return Build(oldest, newest, grouped.Select(g => new DailyCount(DateOnly.FromDateTime(g.Day), g.Count)));
    }

    /// <summary>
    /// Buckets daily counts: per day up to <see cref="MaxDailyDays"/>, per week (from Monday) up to
    /// <see cref="MaxWeeklyDays"/>, per month beyond. A short history starts
    /// <see cref="InteractionsPerDay.MinDays"/> before its newest day rather than at a lone first point.
    /// </summary>
    public static InteractionHistory Build(DateOnly oldest, DateOnly newest, IEnumerable<DailyCount> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var from = oldest.DayNumber > newest.DayNumber - (InteractionsPerDay.MinDays - 1) ? newest.AddDays(-(InteractionsPerDay.MinDays - 1)) : oldest;
        var span = newest.DayNumber - from.DayNumber + 1;
        var bucket = span <= MaxDailyDays ? TimeBucket.Day : span <= MaxWeeklyDays ? TimeBucket.Week : TimeBucket.Month;
        var counts = new SortedDictionary<DateOnly, int>();
        for (var start = Start(from, bucket); start <= newest; start = Next(start, bucket))
        {
            counts[start] = 0;
        }

        foreach (var day in days)
        {
            var start = Start(day.Day, bucket);
            if (counts.ContainsKey(start))
            {
                counts[start] += day.Count;
            }
        }

        return new InteractionHistory(bucket, [.. counts.Select(c => new DailyCount(c.Key, c.Value))]);
    }

    private static DateOnly Start(DateOnly day, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        TimeBucket.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static DateOnly Next(DateOnly start, TimeBucket bucket) => bucket switch
    {
        TimeBucket.Week => start.AddDays(7),
        TimeBucket.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };
}
