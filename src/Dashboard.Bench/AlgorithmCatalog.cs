using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Blending;
using Dashboard.Recommender.Data;

namespace Dashboard.Bench;

/// <summary>The benchmarked configurations, by name. Options here are the tuned ones reported in docs/benchmarks.md.</summary>
internal static class AlgorithmCatalog
{
    public static IReadOnlyList<string> RatingNames { get; } = ["baseline", "item-knn", "user-knn", "biased-mf", "biased-mf-k64", "svd++", "bpmf", "blend"];

    public static IReadOnlyList<string> TopNNames { get; } = ["popularity", "item-knn", "user-knn", "implicit-als", "ease", "content-based", "learned-ranker", "blend", "blend-als-knn"];

    public static IRecommender FitRating(string name, Dataset data, InteractionMatrix train) => name switch
    {
        "baseline" => Fit(new Baseline(), train, new BaselineOptions()),
        "item-knn" => Fit(new ItemKnn(), train, new KnnOptions { Similarity = SimilarityMetric.PearsonBaseline, Neighbors = 40, Shrinkage = 100 }),
        "user-knn" => Fit(new UserKnn(), train, new KnnOptions { Similarity = SimilarityMetric.Pearson, Neighbors = 40, Shrinkage = 100 }),
        "biased-mf" => Fit(new BiasedMf(), train, new BiasedMfOptions()),
        "biased-mf-k64" => Fit(new BiasedMf(), train, new BiasedMfOptions { Factors = 64 }),
        "svd++" => Fit(new SvdPlusPlus(), train, new SvdPlusPlusOptions()),
        "bpmf" => Fit(new BayesianMf(), train, new BayesianMfOptions()),
        "blend" => new WeightedBlend(
            [
                new BlendComponent(Fit(new SvdPlusPlus(), train, new SvdPlusPlusOptions()), 0.8),
                new BlendComponent(FitRating("item-knn", data, train), 0.2),
            ],
            train,
            ScoreNormalization.None),
        _ => throw new ArgumentException($"Unknown rating algorithm '{name}'. Known: {string.Join(", ", RatingNames)}."),
    };

    public static IRecommender FitTopN(string name, Dataset data, InteractionMatrix train) => name switch
    {
        "popularity" => Fit(new Popularity(), train, new PopularityOptions()),
        "item-knn" => Fit(new ItemKnn(), train, new KnnOptions { Feedback = FeedbackKind.Implicit, Neighbors = 50, MaxStoredNeighbors = 50, Shrinkage = 0 }),
        "user-knn" => Fit(new UserKnn(), train, new KnnOptions { Feedback = FeedbackKind.Implicit, Neighbors = 50, Shrinkage = 0 }),
        "ease" => Fit(new Ease(), train, new EaseOptions()),
        "implicit-als" => Fit(new ImplicitAls(), train, new ImplicitAlsOptions()),
        "content-based" => FitContent(data, train),
        "learned-ranker" => FitRanker(data, train),
        "blend" => FitTopNBlend(train),
        "blend-als-knn" => FitAlsKnnBlend(train),
        _ => throw new ArgumentException($"Unknown top-n algorithm '{name}'. Known: {string.Join(", ", TopNNames)}."),
    };

    /// <summary>
    /// The product's kind of blend: EASE and implicit ALS, equal weights on per-user z-scores, popularity
    /// for users without history. Fixed weights (not tuned on the test split) keep the number honest.
    /// </summary>
    private static WeightedBlend FitTopNBlend(InteractionMatrix train) => new(
        [
            new BlendComponent(Fit(new Ease(), train, new EaseOptions()), 0.5),
            new BlendComponent(Fit(new ImplicitAls(), train, new ImplicitAlsOptions()), 0.5),
        ],
        train,
        ScoreNormalization.ZScore,
        Fit(new Popularity(), train, new PopularityOptions()));

    /// <summary>
    /// A candidate serving default for catalogues too large for EASE's cubic fit: implicit ALS and implicit
    /// item-kNN (cosine, k 50) at equal weights on per-user z-scores, popularity for users without history.
    /// Weights fixed in advance, not tuned on the test split. It measured below ALS alone on ML-100K, so
    /// the serving default (BlendSpec.Default) is ALS alone.
    /// </summary>
    private static WeightedBlend FitAlsKnnBlend(InteractionMatrix train) => new(
        [
            new BlendComponent(Fit(new ImplicitAls(), train, new ImplicitAlsOptions()), 0.5),
            new BlendComponent(Fit(new ItemKnn(), train, new KnnOptions { Feedback = FeedbackKind.Implicit, Neighbors = 50, MaxStoredNeighbors = 50, Shrinkage = 0 }), 0.5),
        ],
        train,
        ScoreNormalization.ZScore,
        Fit(new Popularity(), train, new PopularityOptions()));

    private static ContentBased FitContent(Dataset data, InteractionMatrix train)
    {
        var model = new ContentBased(data.ItemMetadata);
        model.Fit(train, new ContentBasedOptions());
        return model;
    }

    /// <summary>LambdaRank over EASE, implicit ALS and popularity, with genre affinity from the item metadata.</summary>
    private static LearnedRanker FitRanker(Dataset data, InteractionMatrix train)
    {
        var model = new LearnedRanker(
        [
            (m, _) => Fit(new Ease(), m, new EaseOptions()),
            (m, _) => Fit(new ImplicitAls(), m, new ImplicitAlsOptions()),
            (m, _) => Fit(new Popularity(), m, new PopularityOptions()),
        ],
            data.ItemMetadata);
        model.Fit(train, new LearnedRankerOptions());
        return model;
    }

    private static TModel Fit<TModel, TOptions>(TModel model, InteractionMatrix train, TOptions options)
        where TModel : IRecommender<TOptions>
        where TOptions : class
    {
        model.Fit(train, options);
        return model;
    }
}
