namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="BiasedMf"/>; all of them are the shared <see cref="SgdFactorOptions"/>. Defaults
/// are the configuration tuned on MovieLens 1M (RMSE ≈ 0.842 in 5-fold CV, see docs/benchmarks.md): many
/// factors, small initial values and fairly strong L2 work better than few factors.
/// </summary>
public sealed record BiasedMfOptions : SgdFactorOptions
{
    /// <summary>
    /// Two strata: at 10M ratings (200k users) 2 strata fitted about a third faster than 8 on this
    /// project's 2-core machine with the same RMSE on MovieLens (see <see cref="SgdFactorOptions.Strata"/>).
    /// </summary>
    public BiasedMfOptions()
    {
        Strata = 2;
    }

    private protected override string ModelName => "Biased MF";
}
