namespace Dashboard.Recommender.Serving;

/// <summary>
/// What <see cref="BlendTuner"/> found: one chosen weight per component of the tuned spec (same order,
/// summing to 1) and NDCG@<see cref="K"/> of the current and the chosen weights, both measured on the
/// same validation part of the training data.
/// </summary>
/// <param name="ValidationUsers">End-users the NDCG values are averaged over.</param>
public sealed record TunedWeights(
    IReadOnlyList<double> ChosenWeights,
    double CurrentNdcg,
    double ChosenNdcg,
    int K,
    int ValidationUsers)
{
    /// <summary>The spec with its component weights replaced by the chosen ones; everything else unchanged.</summary>
    public BlendSpec Apply(BlendSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Components.Count != ChosenWeights.Count)
        {
            throw new ArgumentException("The spec's components are not the ones that were tuned.", nameof(spec));
        }

        return spec with { Components = spec.Components.Select((c, i) => c with { Weight = ChosenWeights[i] }).ToArray() };
    }
}
