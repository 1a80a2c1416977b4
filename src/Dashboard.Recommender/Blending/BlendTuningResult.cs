using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Blending;

/// <summary>
/// Outcome of a weight search. NDCG values are means over the validation users that have training
/// history and at least one validation item (<see cref="UserCount"/>).
/// </summary>
/// <param name="Components">The components with the chosen weights (summing to 1).</param>
/// <param name="Normalization">The normalisation the weights were tuned for.</param>
/// <param name="ComponentNdcg">Validation NDCG@K of each component alone, by name.</param>
/// <param name="BestSingleComponent">Name of the best component alone.</param>
/// <param name="BestSingleNdcg">Its validation NDCG@K.</param>
/// <param name="BlendNdcg">Validation NDCG@K of the chosen blend (never below <paramref name="BestSingleNdcg"/>: the single components are grid points).</param>
/// <param name="UserCount">Validation users the NDCG is averaged over.</param>
/// <param name="CandidatesEvaluated">Number of weight vectors tried.</param>
public sealed record BlendTuningResult(
    IReadOnlyList<BlendComponent> Components,
    ScoreNormalization Normalization,
    IReadOnlyDictionary<string, double> ComponentNdcg,
    string BestSingleComponent,
    double BestSingleNdcg,
    double BlendNdcg,
    int UserCount,
    int CandidatesEvaluated)
{
    /// <summary>Absolute NDCG gain of the blend over the best single component.</summary>
    public double Gain => BlendNdcg - BestSingleNdcg;

    /// <summary>Gain relative to the best single component (NaN when that scored 0).</summary>
    public double RelativeGain => BestSingleNdcg > 0 ? Gain / BestSingleNdcg : double.NaN;

    /// <summary>The tuned blend over <paramref name="history"/> (usually train + validation refitted, or the train split).</summary>
    public WeightedBlend CreateBlend(InteractionMatrix history, Algorithms.IRecommender? fallback = null) =>
        new(Components, history, Normalization, fallback);
}
