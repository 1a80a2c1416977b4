namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// Options of <see cref="LearnedRanker"/>. The tree settings are deliberately conservative (small trees,
/// many examples per leaf): a few thousand labelled lists overfit larger ones (docs/benchmarks.md).
/// </summary>
public sealed record LearnedRankerOptions
{
    /// <summary>Each component contributes its top-M items (not already in the user's history) as candidates.</summary>
    public int CandidatesPerModel { get; init; } = 50;

    /// <summary>Share of each user's interactions held out to label the ranker's training lists.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Upper bound on the users whose candidate lists train the ranker (a seeded sample beyond it).</summary>
    public int MaxTrainingUsers { get; init; } = 3000;

    public int Leaves { get; init; } = 15;

    public int Trees { get; init; } = 200;

    public double LearningRate { get; init; } = 0.05;

    public int MinExamplesPerLeaf { get; init; } = 50;

    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        if (CandidatesPerModel < 1 || !(ValidationFraction > 0 && ValidationFraction < 1) || MaxTrainingUsers < 1
            || Leaves < 2 || Trees < 1 || !(LearningRate > 0) || MinExamplesPerLeaf < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LearnedRankerOptions), "Learned ranker options are out of range.");
        }
    }
}
