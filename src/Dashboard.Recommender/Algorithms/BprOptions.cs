namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="Bpr"/>. One epoch draws as many (user, positive, negative) triples as the
/// training matrix has interactions.
/// </summary>
public sealed record BprOptions
{
    public int Factors { get; init; } = 64;

    public int Epochs { get; init; } = 30;

    public float LearningRate { get; init; } = 0.05f;

    /// <summary>L2 weight on the user and item factors (λ of Rendle et al. 2009).</summary>
    public float Regularization { get; init; } = 0.0025f;

    /// <summary>L2 weight on the item biases.</summary>
    public float BiasRegularization { get; init; } = 0.0025f;

    /// <summary>Standard deviation of the normal initial factors; 0 learns item biases only.</summary>
    public float InitialStdDev { get; init; } = 0.1f;

    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        if (Factors < 1 || Epochs < 0 || !(LearningRate > 0) || Regularization < 0 || BiasRegularization < 0 || InitialStdDev < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BprOptions), "BPR options are out of range.");
        }
    }
}
