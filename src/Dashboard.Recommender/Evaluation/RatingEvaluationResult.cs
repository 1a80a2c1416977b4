namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Rating-prediction accuracy over a test set. <see cref="Scored"/> test ratings entered the error
/// metrics; <see cref="Skipped"/> had no prediction (NaN) and no fallback was given;
/// <see cref="FallbackCount"/> had no prediction and were scored with the fallback value instead
/// (they are included in <see cref="Scored"/>). <see cref="Groups"/> holds the error per user group,
/// ordered by name, when a grouping was given.
/// </summary>
public sealed record RatingEvaluationResult(
    double Rmse,
    double Mae,
    double Mse,
    int Scored,
    int Skipped,
    int FallbackCount,
    IReadOnlyList<RatingGroupMetrics>? Groups = null);
