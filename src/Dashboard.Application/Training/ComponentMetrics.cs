namespace Dashboard.Application.Training;

/// <summary>
/// One component of a version's blend measured alone on the version's held-out split (served as the blend serves,
/// with only this component scoring). <see cref="Rmse"/>/<see cref="Mae"/> are set for a component that predicts star
/// ratings when the held-out part has ratings; null means not applicable. <see cref="IntraListDiversity"/> is null
/// when the catalogue has no categories.
/// </summary>
public sealed record ComponentMetrics(
    string Kind, string Name, double Weight, double PrecisionAt10, double RecallAt10, double NdcgAt10, double MapAt10, double Coverage, double Novelty,
    double? IntraListDiversity, double? NdcgStandardDeviation, int EvaluatedEndUsers, double? Rmse, double? Mae, int? RatingsScored);
