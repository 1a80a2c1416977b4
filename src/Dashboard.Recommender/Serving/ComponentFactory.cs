using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// Turns a <see cref="ComponentSpec"/> into a fitted engine model. Every collaborative component
/// fits on the implicit matrix (event weights, see <see cref="TrainingData"/>) except the rating
/// models, which fit on the star ratings.
/// </summary>
internal static class ComponentFactory
{
    public static IRecommender Fit(
        ComponentSpec spec,
        InteractionMatrix implicitMatrix,
        InteractionMatrix? ratings,
        IReadOnlyDictionary<int, ItemMetadata> metadata,
        IProgress<double>? progress,
        CancellationToken ct)
    {
        var o = new ComponentOptionReader(spec);
        switch (spec.Kind)
        {
            case ComponentKind.Popularity:
                return Fit(new Popularity(), implicitMatrix, new PopularityOptions { UseValues = o.Boolean("useValues") }, progress, ct);
            case ComponentKind.Trending:
                return Fit(
                    new Popularity(),
                    implicitMatrix,
                    new PopularityOptions { HalfLifeDays = o.Number("halfLifeDays"), UseValues = o.Boolean("useValues") },
                    progress,
                    ct);
            case ComponentKind.UserKnn:
                return Fit(new UserKnn(), implicitMatrix, Knn(o), progress, ct);
            case ComponentKind.ItemKnn:
                return Fit(new ItemKnn(), implicitMatrix, Knn(o), progress, ct);
            case ComponentKind.BiasedMf:
                return Fit(
                    new BiasedMf(),
                    RatingsOrThrow(ratings, spec),
                    new BiasedMfOptions
                    {
                        Factors = o.Integer("factors"),
                        Epochs = o.Integer("epochs"),
                        Regularization = (float)o.Number("regularization"),
                        LearningRate = (float)o.Number("learningRate"),
                    },
                    progress,
                    ct);
            case ComponentKind.SvdPlusPlus:
                return Fit(
                    new SvdPlusPlus(),
                    RatingsOrThrow(ratings, spec),
                    new SvdPlusPlusOptions
                    {
                        Factors = o.Integer("factors"),
                        Epochs = o.Integer("epochs"),
                        Regularization = (float)o.Number("regularization"),
                        LearningRate = (float)o.Number("learningRate"),
                    },
                    progress,
                    ct);
            case ComponentKind.ImplicitAls:
                return Fit(new ImplicitAls(), implicitMatrix, Als(o), progress, ct);
            case ComponentKind.Ease:
                return Fit(new Ease(), implicitMatrix, new EaseOptions { Lambda = o.Number("lambda"), Binarize = !o.Boolean("useValues") }, progress, ct);
            case ComponentKind.ContentBased:
                return Fit(
                    new ContentBased(metadata),
                    implicitMatrix,
                    new ContentBasedOptions
                    {
                        TitleWeight = o.Number("titleWeight"),
                        CategoryWeight = o.Number("categoryWeight"),
                        TagWeight = o.Number("tagWeight"),
                    },
                    progress,
                    ct);
            case ComponentKind.LearnedRanker:
                var ranker = new LearnedRanker(
                    [
                        (m, token) => Fit(new Ease(), m, new EaseOptions(), null, token),
                        (m, token) => Fit(new ImplicitAls(), m, new ImplicitAlsOptions(), null, token),
                        (m, token) => Fit(new Popularity(), m, new PopularityOptions(), null, token),
                    ],
                    metadata);
                return Fit(
                    ranker,
                    implicitMatrix,
                    new LearnedRankerOptions
                    {
                        CandidatesPerModel = o.Integer("candidatesPerModel"),
                        Trees = o.Integer("trees"),
                        Leaves = o.Integer("leaves"),
                    },
                    progress,
                    ct);
            case ComponentKind.Bpr:
                return Fit(
                    new Bpr(),
                    implicitMatrix,
                    new BprOptions
                    {
                        Factors = o.Integer("factors"),
                        Epochs = o.Integer("epochs"),
                        Regularization = (float)o.Number("regularization"),
                        BiasRegularization = (float)o.Number("regularization"),
                        LearningRate = (float)o.Number("learningRate"),
                    },
                    progress,
                    ct);
            case ComponentKind.MultVae:
                return Fit(
                    new MultVae(),
                    implicitMatrix,
                    new MultVaeOptions
                    {
                        Hidden = o.Integer("hidden"),
                        Latent = o.Integer("latent"),
                        Epochs = o.Integer("epochs"),
                        AnnealCap = (float)o.Number("annealCap"),
                    },
                    progress,
                    ct);
            case ComponentKind.BayesianMf:
                return Fit(
                    new BayesianMf(),
                    RatingsOrThrow(ratings, spec),
                    new BayesianMfOptions
                    {
                        Factors = o.Integer("factors"),
                        Samples = o.Integer("samples"),
                        BurnIn = o.Integer("burnIn"),
                    },
                    progress,
                    ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "Unknown component kind.");
        }
    }

    private static KnnOptions Knn(ComponentOptionReader o)
    {
        var k = o.Integer("neighbors");
        var pearson = o.Choice("similarity") == ComponentCatalog.Pearson;
        return new KnnOptions
        {
            Feedback = FeedbackKind.Implicit,
            Similarity = pearson ? SimilarityMetric.Pearson : SimilarityMetric.Cosine,

            // Pearson on presence alone is undefined (every value is 1), so it compares event weights.
            Binarize = !pearson,
            Neighbors = k,
            MaxStoredNeighbors = k,
            Shrinkage = o.Number("shrinkage"),
        };
    }

    private static ImplicitAlsOptions Als(ComponentOptionReader o) => new()
    {
        Factors = o.Integer("factors"),
        Iterations = o.Integer("iterations"),
        Regularization = (float)o.Number("regularization"),
        Alpha = (float)o.Number("alpha"),
        Binarize = !o.Boolean("useValues"),
    };

    private static InteractionMatrix RatingsOrThrow(InteractionMatrix? ratings, ComponentSpec spec) =>
        ratings ?? throw new ArgumentException($"{ComponentCatalog.Describe(spec.Kind).DisplayName} needs rating events.", nameof(spec));

    private static TModel Fit<TModel, TOptions>(TModel model, InteractionMatrix train, TOptions options, IProgress<double>? progress, CancellationToken ct)
        where TModel : IRecommender<TOptions>
        where TOptions : class
    {
        model.Fit(train, options, progress, ct);
        return model;
    }
}
