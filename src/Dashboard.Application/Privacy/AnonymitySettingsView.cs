namespace Dashboard.Application.Privacy;

/// <summary>The tenant's k and ε settings as the Privacy page shows them, with the guidance printed next to k.</summary>
public sealed record AnonymitySettingsView(int K, double EpsilonPerQuery, double EpsilonBudgetPerMonth, string KGuidance, DateTime? UpdatedAtUtc, string? UpdatedBy);
