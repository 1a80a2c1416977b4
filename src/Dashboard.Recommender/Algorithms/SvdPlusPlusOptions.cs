namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="SvdPlusPlus"/>: the shared <see cref="SgdFactorOptions"/> (8 strata by default)
/// plus the implicit factors' own. Defaults were tuned on the MovieLens 100K folds (docs/benchmarks.md).
/// </summary>
public sealed record SvdPlusPlusOptions : SgdFactorOptions
{
    /// <summary>L2 weight on the implicit item factors y_j, applied once per epoch.</summary>
    public float ImplicitRegularization { get; init; } = 0.1f;

    /// <summary>
    /// Scale s of the once-per-epoch y step, which is also damped by 1/√(item's rating count) because it
    /// sums the gradients of all the item's users at once (see <see cref="SvdPlusPlus"/>).
    /// </summary>
    public float ImplicitStepScale { get; init; } = 1f;

    private protected override string ModelName => "SVD++";

    private protected override bool AreOwnOptionsInRange() => !(ImplicitRegularization < 0);
}
