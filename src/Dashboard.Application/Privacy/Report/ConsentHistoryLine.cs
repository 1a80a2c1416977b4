namespace Dashboard.Application.Privacy.Report;

/// <summary>One purpose's granted count per day of <see cref="ConsentHistory.Days"/>.</summary>
public sealed record ConsentHistoryLine(string Purpose, IReadOnlyList<int> Granted);
