namespace Dashboard.Recommender.Evaluation.Significance;

/// <summary>The t statistic (positive when the second mean is higher), its Welch degrees of freedom and the two-sided p-value.</summary>
public sealed record WelchTestResult(double T, double DegreesOfFreedom, double PValue);
