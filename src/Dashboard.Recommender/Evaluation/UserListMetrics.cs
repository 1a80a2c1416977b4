namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// The list a model produced for one test user and its accuracy metrics at the evaluation cut-off.
/// Kept per user so results can be regrouped (bias audits) or tested for significance without
/// re-running the model.
/// </summary>
public sealed record UserListMetrics(
    int User,
    int[] List,
    int RelevantCount,
    double Precision,
    double Recall,
    double Ndcg,
    double AveragePrecision,
    double ReciprocalRank,
    double Hit);
