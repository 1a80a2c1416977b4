namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="ItemKnn"/> and <see cref="UserKnn"/>. Similarities are shrunk by
/// n / (n + <see cref="Shrinkage"/>) where n is the number of co-rated entries (Koren 2008), pairs with
/// fewer than <see cref="MinSupport"/> co-rated entries are dropped, and only the
/// <see cref="MaxStoredNeighbors"/> most similar positive neighbours are kept per user/item. At scoring
/// time the <see cref="Neighbors"/> most similar ones that are relevant (rated by the user / rated the
/// item) are used.
/// </summary>
public sealed record KnnOptions
{
    public SimilarityMetric Similarity { get; init; } = SimilarityMetric.Cosine;

    public FeedbackKind Feedback { get; init; } = FeedbackKind.Explicit;

    /// <summary>k: neighbours used for one score.</summary>
    public int Neighbors { get; init; } = 40;

    /// <summary>Neighbours kept per user/item in the fitted model; bounds memory and scoring cost.</summary>
    public int MaxStoredNeighbors { get; init; } = 300;

    public double Shrinkage { get; init; } = 100;

    public int MinSupport { get; init; } = 1;

    /// <summary>Implicit mode only: treat every stored value as 1 (presence) instead of its weight.</summary>
    public bool Binarize { get; init; } = true;

    /// <summary>Explicit mode: regularisation of the baseline whose residuals the neighbours average.</summary>
    public BaselineOptions Baseline { get; init; } = new();

    internal void Validate()
    {
        if (Neighbors < 1 || MaxStoredNeighbors < 1 || MinSupport < 1 || Shrinkage < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(KnnOptions), "Neighbors, MaxStoredNeighbors and MinSupport must be >= 1 and Shrinkage >= 0.");
        }
    }
}
