using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Evaluation.Significance;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// One component of a fitted blend evaluated alone on the blend's held-out split: its lists are served as the
/// blend serves (same seen-item exclusion, popularity fallback and re-ranking) with only this component scoring.
/// <see cref="Ratings"/> holds the error of its star predictions on the held-out ratings when the component
/// predicts ratings (biased MF, SVD++) and the held-out part has ratings; null otherwise.
/// </summary>
public sealed record ComponentEvaluation(
    ComponentKind Kind,
    string DisplayName,
    double Weight,
    int EvaluatedEndUsers,
    double Precision,
    double Recall,
    double Ndcg,
    double Map,
    double CatalogCoverage,
    double Novelty,
    double IntraListDiversity,
    SampleSummary NdcgPerUser,
    RatingEvaluationResult? Ratings);
