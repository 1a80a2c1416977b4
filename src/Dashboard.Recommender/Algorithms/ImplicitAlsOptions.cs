namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="ImplicitAls"/>. Confidence of an observed interaction is 1 + Alpha · value.
/// Defaults were tuned on MovieLens 100K top-10 (docs/benchmarks.md): few factors and strong
/// regularisation beat large models there.
/// </summary>
public sealed record ImplicitAlsOptions
{
    public int Factors { get; init; } = 32;

    /// <summary>Alternating sweeps (users, then items).</summary>
    public int Iterations { get; init; } = 15;

    public float Regularization { get; init; } = 20f;

    public float Alpha { get; init; } = 1f;

    /// <summary>Conjugate-gradient steps per row per sweep, warm-started from the previous sweep (Takács et al. 2011).</summary>
    public int ConjugateGradientSteps { get; init; } = 3;

    /// <summary>Treat every stored value as 1 before applying Alpha.</summary>
    public bool Binarize { get; init; } = true;

    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        if (Factors < 1 || Iterations < 0 || ConjugateGradientSteps < 1 || Regularization < 0 || Alpha < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ImplicitAlsOptions), "Implicit ALS options are out of range.");
        }
    }
}
