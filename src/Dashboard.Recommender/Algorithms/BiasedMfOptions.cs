namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="BiasedMf"/>. The learning rate of epoch e is
/// <see cref="LearningRate"/> · <see cref="LearningRateDecay"/>^e. Defaults are the configuration
/// tuned on MovieLens 1M (RMSE ≈ 0.842 in 5-fold CV, see docs/benchmarks.md): many factors, small
/// initial values and fairly strong L2 work better than few factors.
/// </summary>
public sealed record BiasedMfOptions
{
    public int Factors { get; init; } = 128;

    public int Epochs { get; init; } = 40;

    public float LearningRate { get; init; } = 0.01f;

    public float LearningRateDecay { get; init; } = 0.98f;

    /// <summary>L2 weight on the factor vectors.</summary>
    public float Regularization { get; init; } = 0.045f;

    /// <summary>L2 weight on the user and item biases.</summary>
    public float BiasRegularization { get; init; } = 0.01f;

    /// <summary>Standard deviation of the normal initial factors.</summary>
    public float InitialStdDev { get; init; } = 0.01f;

    /// <summary>
    /// Strata per side of the DSGD grid (Gemulla et al. 2011): users and items are each split into this
    /// many groups and ratings into Strata² blocks; blocks on a diagonal share no user or item and run
    /// in parallel. The result depends on this number and the seed, never on the thread count.
    /// Fewer strata mean longer runs of one user's ratings per block, so each user's factor row is
    /// fetched from memory fewer times per epoch: at 10M ratings (200k users) 2 strata fitted about a
    /// third faster than 8 on this project's 2-core machine with the same RMSE on MovieLens. Blocks of a
    /// diagonal run concurrently, so more cores want at least as many strata.
    /// </summary>
    public int Strata { get; init; } = 2;

    /// <summary>Clamp predictions to the [min, max] of the training values (ratings live on a fixed scale).</summary>
    public bool ClampToTrainingRange { get; init; } = true;

    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        if (Factors < 1 || Epochs < 0 || Strata < 1 || !(LearningRate > 0) || !(LearningRateDecay > 0)
            || Regularization < 0 || BiasRegularization < 0 || InitialStdDev < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BiasedMfOptions), "Biased MF options are out of range.");
        }
    }
}
