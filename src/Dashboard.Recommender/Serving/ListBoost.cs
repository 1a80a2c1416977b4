namespace Dashboard.Recommender.Serving;

/// <summary>An item whose normalised blended score is raised by <see cref="Boost"/> (0–1) before ranking.</summary>
public sealed record ListBoost(string ItemId, double Boost);
