namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="SvdPlusPlus"/>; the shared ones mean what they mean in <see cref="BiasedMfOptions"/>.
/// Defaults were tuned on the MovieLens 100K folds (docs/benchmarks.md).
/// </summary>
public sealed record SvdPlusPlusOptions
{
    public int Factors { get; init; } = 128;

    public int Epochs { get; init; } = 40;

    public float LearningRate { get; init; } = 0.01f;

    public float LearningRateDecay { get; init; } = 0.98f;

    public float Regularization { get; init; } = 0.045f;

    public float BiasRegularization { get; init; } = 0.01f;

    /// <summary>L2 weight on the implicit item factors y_j, applied once per epoch.</summary>
    public float ImplicitRegularization { get; init; } = 0.1f;

    /// <summary>
    /// Scale s of the once-per-epoch y step, which is also damped by 1/√(item's rating count) because it
    /// sums the gradients of all the item's users at once (see <see cref="SvdPlusPlus"/>).
    /// </summary>
    public float ImplicitStepScale { get; init; } = 1f;

    public float InitialStdDev { get; init; } = 0.01f;

    public int Strata { get; init; } = 8;

    public bool ClampToTrainingRange { get; init; } = true;

    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        if (Factors < 1 || Epochs < 0 || Strata < 1 || !(LearningRate > 0) || !(LearningRateDecay > 0)
            || Regularization < 0 || BiasRegularization < 0 || ImplicitRegularization < 0 || InitialStdDev < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SvdPlusPlusOptions), "SVD++ options are out of range.");
        }
    }
}
