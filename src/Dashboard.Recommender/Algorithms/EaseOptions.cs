namespace Dashboard.Recommender.Algorithms;

/// <summary>Options of <see cref="Ease"/>.</summary>
public sealed record EaseOptions
{
    /// <summary>λ added to the diagonal of XᵀX; Steck (2019) used 200–1000 on MovieLens-scale data.</summary>
    public double Lambda { get; init; } = 400;

    /// <summary>Use 1 for every interaction instead of its value (the usual implicit-feedback setting).</summary>
    public bool Binarize { get; init; } = true;
}
