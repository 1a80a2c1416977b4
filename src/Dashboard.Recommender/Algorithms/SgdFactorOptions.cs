namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options shared by the SGD-trained biased factor models (<see cref="BiasedMf"/>, <see cref="SvdPlusPlus"/>).
/// The learning rate of epoch e is <see cref="LearningRate"/> · <see cref="LearningRateDecay"/>^e. Each
/// model sets its own <see cref="Strata"/> default and adds what only it has.
/// </summary>
public abstract record SgdFactorOptions
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
    /// fetched from memory fewer times per epoch. Blocks of a diagonal run concurrently, so more cores
    /// want at least as many strata.
    /// </summary>
    public int Strata { get; init; } = 8;

    /// <summary>Clamp predictions to the [min, max] of the training values (ratings live on a fixed scale).</summary>
    public bool ClampToTrainingRange { get; init; } = true;

    public int Seed { get; init; } = 42;

    /// <summary>The model's name for the error message, e.g. "Biased MF".</summary>
    private protected abstract string ModelName { get; }

    internal void Validate()
    {
        if (Factors < 1 || Epochs < 0 || Strata < 1 || !(LearningRate > 0) || !(LearningRateDecay > 0)
            || Regularization < 0 || BiasRegularization < 0 || InitialStdDev < 0 || !AreOwnOptionsInRange())
        {
            throw new ArgumentOutOfRangeException(GetType().Name, $"{ModelName} options are out of range.");
        }
    }

    /// <summary>The range check of the options a derived model adds.</summary>
    private protected virtual bool AreOwnOptionsInRange() => true;
}
