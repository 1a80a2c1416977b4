namespace Dashboard.Application.Overview;

public readonly record struct DailyCount(DateOnly Day, int Count);
