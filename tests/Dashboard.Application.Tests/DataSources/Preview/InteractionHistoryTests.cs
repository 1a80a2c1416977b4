using Dashboard.Application.DataSources.Preview;
using Dashboard.Application.Overview;

namespace Dashboard.Application.Tests.DataSources.Preview;

public sealed class InteractionHistoryTests
{
    [Fact]
    public void Build_AHistoryOfUpTo180Days_IsPerDay()
    {
        var history = InteractionHistory.Build(new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 29), [new(new DateOnly(2026, 1, 1), 2)]);

        Assert.Equal((TimeBucket.Day, 180, "day"), (history.Bucket, history.Points.Count, history.BucketName));
    }

    [Fact]
    public void Build_AHistoryOfSeveralYears_IsPerMonthAndKeepsEveryEvent()
    {
        var history = InteractionHistory.Build(
            new DateOnly(2000, 4, 25), new DateOnly(2003, 2, 28),
            [new(new DateOnly(2000, 4, 25), 5), new(new DateOnly(2000, 4, 30), 1), new(new DateOnly(2003, 2, 28), 7)]);

        Assert.Equal(
            (TimeBucket.Month, new DailyCount(new DateOnly(2000, 4, 1), 6), new DailyCount(new DateOnly(2003, 2, 1), 7), 35, 13),
            (history.Bucket, history.Points[0], history.Points[^1], history.Points.Count, history.Points.Sum(p => p.Count)));
    }

    [Fact]
    public void Labels_PerMonth_CarryTheYear()
    {
        var history = InteractionHistory.Build(new DateOnly(2000, 4, 25), new DateOnly(2003, 2, 28), []);

        Assert.Equal(["Apr 2000", "Jul 2000"], history.Labels().Where(l => l.Length > 0).Take(2));
    }

    [Fact]
    public void Labels_WithinOneYear_LeaveTheYearOut()
    {
        var history = InteractionHistory.Build(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 3), []);

        Assert.Equal("May 21", history.Labels()[0]);
    }
}
