namespace Dashboard.Application.Campaigns;

/// <summary>One arm's goal rate tested against the first arm's: the z-test, its p-value and the Bonferroni-adjusted one that decides.</summary>
public sealed record CampaignResultsComparison(string ArmName, double Rate, double BaselineRate, double Z, double PValue, double AdjustedPValue, bool Significant);
