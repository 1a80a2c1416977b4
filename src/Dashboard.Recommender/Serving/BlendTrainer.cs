namespace Dashboard.Recommender.Serving;

/// <summary>
/// Fits a <see cref="BlendSpec"/> on a tenant's <see cref="TrainingData"/> and evaluates fitted models
/// on held-out data (see <see cref="TimeSplit"/>).
/// </summary>
public sealed class BlendTrainer
{
    /// <exception cref="InsufficientDataException">Too few end-users or items with interactions.</exception>
    /// <exception cref="ArgumentException">The spec has problems (<see cref="BlendSpec.Validate"/>).</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public BlendModel Fit(TrainingData data, BlendSpec spec, IProgress<TrainingProgress>? progress, CancellationToken ct) =>
        throw new NotImplementedException("Follows in the next commit.");

    /// <param name="userAttributesForGroups">End-user id → sensitive attribute name → value; null for no group metrics.</param>
    public BlendEvaluation Evaluate(
        BlendModel model,
        TrainingData test,
        int k,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? userAttributesForGroups) =>
        throw new NotImplementedException("Follows in the next commit.");
}
