namespace Dashboard.Recommender.Blending;

/// <summary>
/// How <see cref="BlendWeightTuner"/> searches.
/// </summary>
/// <param name="K">Cut-off of the NDCG being maximised.</param>
/// <param name="GridSteps">
/// Resolution of the simplex grid: weights are multiples of 1 / GridSteps summing to 1, giving
/// C(GridSteps + components − 1, components − 1) candidates (66 for 3 components at 10 steps).
/// </param>
/// <param name="CandidatePoolSize">
/// Per user, only the union of every component's top-CandidatePoolSize unseen items is re-ranked for
/// each weight vector. A blend's top-K item outside every component's top pool is vanishingly rare
/// for K ≪ pool size, and the pool makes each weight vector cost O(users · pool) instead of a full
/// scoring pass.
/// </param>
/// <param name="Normalization">Normalisation of the tuned blend.</param>
/// <param name="MaxCandidates">Upper bound on the number of grid points, so a large component count fails fast.</param>
public sealed record BlendTuningOptions(
    int K = 10,
    int GridSteps = 10,
    int CandidatePoolSize = 200,
    ScoreNormalization Normalization = ScoreNormalization.Rank,
    int MaxCandidates = 20_000);
