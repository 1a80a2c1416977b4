using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Algorithms;

/// <summary>
/// A fitted (or fittable) recommendation algorithm in dense index space. Shape follows LensKit /
/// Surprise: options are an immutable record given to Fit; Score never throws for an unknown user or
/// item, it writes NaN; Recommend returns the top-n by score among the allowed items.
/// </summary>
public interface IRecommender
{
    /// <summary>Short stable name, e.g. "biased-mf", used in benchmarks, blends and saved models.</summary>
    string Name { get; }

    bool IsFitted { get; }

    /// <summary>Writes one score per candidate; NaN where the user or the item is unknown to the model.</summary>
    void Score(int user, ReadOnlySpan<int> candidates, Span<float> scores);

    /// <summary>Top-n items by score, best first. <paramref name="allow"/> null means every item is allowed.</summary>
    IReadOnlyList<ScoredItem> Recommend(int user, int n, Func<int, bool>? allow = null);

    /// <summary>Writes the fitted model in a versioned binary format.</summary>
    void Save(Stream stream);
}

/// <summary>An algorithm whose options are the immutable record <typeparamref name="TOptions"/>.</summary>
public interface IRecommender<TOptions> : IRecommender
    where TOptions : class
{
    TOptions Options { get; }

    void Fit(InteractionMatrix train, TOptions options, IProgress<double>? progress = null, CancellationToken cancellationToken = default);
}
