namespace Dashboard.Recommender.Serving;

/// <summary>Where a fit is: the stage's name (e.g. "Fitting EASE") and the fraction of the whole fit done, 0–1.</summary>
public sealed record TrainingProgress(string Stage, double Fraction);
