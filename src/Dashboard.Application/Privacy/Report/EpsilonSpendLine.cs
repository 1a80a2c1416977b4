namespace Dashboard.Application.Privacy.Report;

public sealed record EpsilonSpendLine(DateTime SpentAtUtc, string SpentBy, string Query, double Epsilon);
