namespace Dashboard.Application.Campaigns;

/// <summary>A promoted item whose normalised score is raised by <see cref="Boost"/> (0–1) before ranking, so it rises without being forced in.</summary>
public sealed record BoostedItem(string ItemId, double Boost);
