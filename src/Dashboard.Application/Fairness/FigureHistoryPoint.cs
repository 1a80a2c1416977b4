using Dashboard.Recommender.Fairness;

namespace Dashboard.Application.Fairness;

/// <summary>A figure as the latest audit of one version measured it.</summary>
public sealed record FigureHistoryPoint(int VersionNumber, Guid AuditId, double Figure, Verdict Verdict);
