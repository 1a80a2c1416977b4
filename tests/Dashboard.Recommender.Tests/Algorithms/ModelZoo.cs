using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Tests.Algorithms;

/// <summary>Every algorithm with small, fast options, so the contract tests run over all of them.</summary>
internal static class ModelZoo
{
    private static readonly Dictionary<string, (Func<InteractionMatrix, IProgress<double>?, CancellationToken, IRecommender> Fit, Func<Stream, IRecommender> Load)> Entries = new()
    {
        ["popularity"] = (Fit<Popularity, PopularityOptions>(new PopularityOptions()), Popularity.Load),
        ["baseline"] = (Fit<Baseline, BaselineOptions>(new BaselineOptions()), Baseline.Load),
        ["item-knn-explicit"] = (Fit<ItemKnn, KnnOptions>(new KnnOptions { Neighbors = 5, Shrinkage = 10 }), ItemKnn.Load),
        ["item-knn-implicit"] = (Fit<ItemKnn, KnnOptions>(new KnnOptions { Feedback = FeedbackKind.Implicit, Neighbors = 5 }), ItemKnn.Load),
        ["user-knn-pearson"] = (Fit<UserKnn, KnnOptions>(new KnnOptions { Similarity = SimilarityMetric.Pearson, Neighbors = 5 }), UserKnn.Load),
        ["user-knn-implicit"] = (Fit<UserKnn, KnnOptions>(new KnnOptions { Feedback = FeedbackKind.Implicit, Similarity = SimilarityMetric.AdjustedCosine }), UserKnn.Load),
        ["ease"] = (Fit<Ease, EaseOptions>(new EaseOptions { Lambda = 10 }), Ease.Load),
        ["implicit-als"] = (Fit<ImplicitAls, ImplicitAlsOptions>(new ImplicitAlsOptions { Factors = 5, Iterations = 4, Regularization = 0.5f }), ImplicitAls.Load),
        ["content-based"] = (
            (train, progress, ct) =>
            {
                var model = new ContentBased(Metadata(train.ItemCount));
                model.Fit(train, new ContentBasedOptions { UseValues = true }, progress, ct);
                return model;
            },
            ContentBased.Load),
        ["learned-ranker"] = (
            (train, progress, ct) =>
            {
                var model = new LearnedRanker(
                [
                    Component<Popularity, PopularityOptions>(new PopularityOptions()),
                    Component<ItemKnn, KnnOptions>(new KnnOptions { Feedback = FeedbackKind.Implicit, Neighbors = 5 }),
                ],
                    Metadata(train.ItemCount));
                model.Fit(train, new LearnedRankerOptions { CandidatesPerModel = 10, Trees = 10, MinExamplesPerLeaf = 5 }, progress, ct);
                return model;
            },
            LearnedRanker.Load),
        ["svd++"] = (Fit<SvdPlusPlus, SvdPlusPlusOptions>(new SvdPlusPlusOptions { Factors = 6, Epochs = 5, Strata = 3 }), SvdPlusPlus.Load),
        ["bpr"] = (Fit<Bpr, BprOptions>(new BprOptions { Factors = 5, Epochs = 20 }), Bpr.Load),
        ["mult-vae"] = (Fit<MultVae, MultVaeOptions>(new MultVaeOptions { Hidden = 8, Latent = 4, Epochs = 5, BatchSize = 8 }), MultVae.Load),
        ["bpmf"] = (Fit<BayesianMf, BayesianMfOptions>(new BayesianMfOptions { Factors = 3, BurnIn = 3, Samples = 4 }), BayesianMf.Load),
        ["bpmf-plain"] = (Fit<BayesianMf, BayesianMfOptions>(new BayesianMfOptions { Factors = 3, BurnIn = 3, Samples = 4, Implicit = false }), BayesianMf.Load),
        ["biased-mf"] = (Fit<BiasedMf, BiasedMfOptions>(new BiasedMfOptions { Factors = 6, Epochs = 5, Strata = 3 }), BiasedMf.Load),
    };

    public static IEnumerable<object[]> Names => Entries.Keys.Select(k => new object[] { k });

    /// <summary>Models whose scores depend on the user (all but popularity).</summary>
    public static IEnumerable<object[]> PersonalisedNames => Entries.Keys.Where(k => k != "popularity").Select(k => new object[] { k });

    public static IRecommender Fit(
        string name, InteractionMatrix train, IProgress<double>? progress = null, CancellationToken cancellationToken = default) =>
        Entries[name].Fit(train, progress, cancellationToken);

    public static IRecommender Load(string name, Stream stream) => Entries[name].Load(stream);

    /// <summary>Two genres alternating over items, plus a title word shared by every third item.</summary>
    private static Dictionary<int, ItemMetadata> Metadata(int items)
    {
        var result = new Dictionary<int, ItemMetadata>();
        for (var i = 0; i < items; i++)
        {
            result[i] = new ItemMetadata(i % 3 == 0 ? $"Saga {i}" : $"Item {i}", [i % 2 == 0 ? "Drama" : "Comedy"]);
        }

        return result;
    }

    private static Func<InteractionMatrix, IProgress<double>?, CancellationToken, IRecommender> Fit<TModel, TOptions>(TOptions options)
        where TModel : IRecommender<TOptions>, new()
        where TOptions : class =>
        (train, progress, ct) =>
        {
            var model = new TModel();
            model.Fit(train, options, progress, ct);
            return model;
        };

    private static Func<InteractionMatrix, CancellationToken, IRecommender> Component<TModel, TOptions>(TOptions options)
        where TModel : IRecommender<TOptions>, new()
        where TOptions : class =>
        (train, ct) => Fit<TModel, TOptions>(options)(train, null, ct);
}
