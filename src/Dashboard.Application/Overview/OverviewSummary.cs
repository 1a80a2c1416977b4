namespace Dashboard.Application.Overview;

/// <summary>What the Overview page shows: real counts and series from the tenant's data.</summary>
public sealed record OverviewSummary(
    int EndUsers,
    int Items,
    int Interactions,
    IReadOnlyList<DailyCount> InteractionsPerDay,
    IReadOnlyList<GettingStartedStep> GettingStarted);
