namespace Dashboard.Application.Privacy;

/// <summary>One line of the ε ledger as the Privacy page lists it.</summary>
public sealed record BudgetLine(DateTime SpentAtUtc, DateTime PeriodStartUtc, string SpentBy, string Query, double Epsilon);
