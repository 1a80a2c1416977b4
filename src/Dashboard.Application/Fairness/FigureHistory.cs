namespace Dashboard.Application.Fairness;

/// <summary>One judged figure (same kind, metric, attribute, group and category) across a blend's versions, oldest version first.</summary>
public sealed record FigureHistory(string Key, string Label, IReadOnlyList<FigureHistoryPoint> Points);
