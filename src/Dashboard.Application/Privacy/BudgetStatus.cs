namespace Dashboard.Application.Privacy;

/// <summary>The tenant's differential-privacy budget this month and the latest ledger lines.</summary>
public sealed record BudgetStatus(DateTime PeriodStartUtc, double EpsilonPerQuery, double EpsilonBudgetPerMonth, double SpentThisMonth, IReadOnlyList<BudgetLine> Ledger)
{
    public const int LinesShown = 200;

    public double Remaining => Math.Max(0, EpsilonBudgetPerMonth - SpentThisMonth);

    /// <summary>Share of the month's budget spent, 0–100, for a progress bar.</summary>
    public double PercentSpent => EpsilonBudgetPerMonth <= 0 ? 100 : Math.Min(100, 100 * SpentThisMonth / EpsilonBudgetPerMonth);
}
