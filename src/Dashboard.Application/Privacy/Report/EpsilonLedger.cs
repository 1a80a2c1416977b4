namespace Dashboard.Application.Privacy.Report;

/// <summary>The calendar month's differential-privacy spend against the monthly ε budget, with its lines (newest first).</summary>
public sealed record EpsilonLedger(DateTime PeriodStartUtc, double Budget, double Spent, IReadOnlyList<EpsilonSpendLine> Lines)
{
    public double Remaining => Math.Max(0, Budget - Spent);
}
