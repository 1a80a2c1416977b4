namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="BayesianMf"/>. There is no learning rate and no regularisation weight: the
/// factor priors and the noise level are sampled from the data. What remains is the size of the model
/// and how long the chain runs.
/// </summary>
public sealed record BayesianMfOptions
{
    /// <summary>Latent dimensions per user and item (a bias is sampled beside them).</summary>
    public int Factors { get; init; } = 16;

    /// <summary>Sweeps run first and thrown away while the chain leaves its random start.</summary>
    public int BurnIn { get; init; } = 20;

    /// <summary>Sweeps after the burn-in whose predictions are averaged; each one is kept in the model.</summary>
    public int Samples { get; init; } = 40;

    /// <summary>
    /// Precision α of the rating noise (1 / variance). Null samples it from a Gamma(1, 1) prior every
    /// sweep, as the factors' priors are; a fixed value (Salakhutdinov and Mnih use 2) pins it.
    /// </summary>
    public float? NoisePrecision { get; init; }

    /// <summary>
    /// Adds what was rated to both sides, as SVD++ does for users and its "flipped" form for items (Rendle,
    /// Zhang and Koren 2019): a user's factors become p_u + |N(u)|^−½ Σ_{j∈N(u)} y_j and an item's
    /// q_i + |N(i)|^−½ Σ_{v∈N(i)} w_v, with y and w sampled like the rest. Off gives plain BPMF.
    /// </summary>
    public bool Implicit { get; init; } = true;

    /// <summary>Standard deviation of the normal starting factors.</summary>
    public float InitialStdDev { get; init; } = 0.1f;

    /// <summary>Clamp predictions to the [min, max] of the training values (ratings live on a fixed scale).</summary>
    public bool ClampToTrainingRange { get; init; } = true;

    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        if (Factors < 1 || BurnIn < 0 || Samples < 1 || InitialStdDev < 0 || NoisePrecision is <= 0 || (long)Samples * (Factors + 2) > 1 << 20)
        {
            throw new ArgumentOutOfRangeException(nameof(BayesianMfOptions), "Bayesian MF options are out of range.");
        }
    }
}
