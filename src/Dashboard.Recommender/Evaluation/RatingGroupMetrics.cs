namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Rating-prediction error of one user group (e.g. an age band): does the model predict some users'
/// tastes worse than others'? Counts follow <see cref="RatingEvaluationResult"/>.
/// </summary>
public sealed record RatingGroupMetrics(string Group, int Scored, int Skipped, double Rmse, double Mae);
