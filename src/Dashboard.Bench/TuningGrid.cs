using System.Globalization;
using Dashboard.Recommender.Algorithms;
using Dashboard.Recommender.Data;

namespace Dashboard.Bench;

/// <summary>
/// The grids the validation protocol searches, by algorithm name. Kept small on purpose: every point is
/// fitted once per fold or seed on the inner training side, and ML-1M runs share two cores.
/// </summary>
internal static class TuningGrid
{
    private static readonly int[] TopNNeighbors = [20, 50, 100];
    private static readonly int[] AlsFactors = [32, 64];
    private static readonly float[] AlsRegularization = [5f, 20f, 50f];
    private static readonly int[] EaseLambdas = [100, 200, 400, 800, 1600, 3200, 6400];
    private static readonly float[] BprRegularization = [0.0025f, 0.01f];
    private static readonly int[] BprEpochs = [30, 100];

    /// <summary>
    /// Liang et al.'s β cap and a larger one; the other Mult-VAE options stay at their defaults (50 epochs),
    /// because on ML-100K validation (seed 42) fewer (15, 30) or more (100, 200) epochs, a learning rate of
    /// 3e-3, batches of 25 users or a 600-wide hidden layer all scored lower (NDCG@10 0.21–0.25 against 0.26).
    /// </summary>
    private static readonly float[] MultVaeAnnealCaps = [0.2f, 0.5f];

    private static readonly int[] RatingNeighbors = [20, 40, 80];
    private static readonly int[] MfFactors = [64, 128];
    private static readonly float[] SgdRegularization = [0.03f, 0.045f, 0.06f];

    public static IReadOnlyList<string> TopNNames { get; } = ["popularity", "item-knn", "user-knn", "implicit-als", "bpr", "ease", "mult-vae", "blend"];

    /// <summary>Components of the validated top-n blend, each at the setting its own grid chose on validation.</summary>
    public static IReadOnlyList<string> BlendComponents { get; } = ["ease", "implicit-als", "mult-vae"];

    private static readonly int[] BpmfFactors = [10, 16];

    public static IReadOnlyList<string> RatingNames { get; } = ["baseline", "item-knn", "user-knn", "biased-mf", "svd++", "bpmf", "blend"];

    /// <summary>Blend weights searched for the first component (the second gets 1 − w).</summary>
    public static IReadOnlyList<double> BlendWeights { get; } = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

    /// <summary>Top-n candidates; <paramref name="seed"/> seeds the randomised models so each split gets its own initialisation.</summary>
    public static IReadOnlyList<TuningCandidate> TopN(string name, int seed) => name switch
    {
        "popularity" => [new("defaults", m => Fit(new Popularity(), m, new PopularityOptions()))],
        "item-knn" => [.. TopNNeighbors.Select(k => new TuningCandidate(
            $"k {k}",
            m => Fit(new ItemKnn(), m, new KnnOptions { Feedback = FeedbackKind.Implicit, Neighbors = k, MaxStoredNeighbors = k, Shrinkage = 0 })))],
        "user-knn" => [.. TopNNeighbors.Select(k => new TuningCandidate(
            $"k {k}",
            m => Fit(new UserKnn(), m, new KnnOptions { Feedback = FeedbackKind.Implicit, Neighbors = k, Shrinkage = 0 })))],
        "implicit-als" => [.. from factors in AlsFactors
                              from reg in AlsRegularization
                              select new TuningCandidate(
                                  $"{factors} factors, λ {reg.ToString(CultureInfo.InvariantCulture)}",
                                  m => Fit(new ImplicitAls(), m, new ImplicitAlsOptions { Factors = factors, Regularization = reg, Seed = seed }))],
        "ease" => [.. EaseLambdas.Select(lambda => new TuningCandidate(
            $"λ {lambda}",
            m => Fit(new Ease(), m, new EaseOptions { Lambda = lambda })))],
        "bpr" => [.. from epochs in BprEpochs
                     from reg in BprRegularization
                     select new TuningCandidate(
                         $"{epochs} epochs, λ {reg.ToString(CultureInfo.InvariantCulture)}",
                         m => Fit(new Bpr(), m, new BprOptions { Epochs = epochs, Regularization = reg, BiasRegularization = reg, Seed = seed }))],
        "mult-vae" => [.. MultVaeAnnealCaps.Select(cap => new TuningCandidate(
            $"β cap {cap.ToString(CultureInfo.InvariantCulture)}",
            m => Fit(new MultVae(), m, new MultVaeOptions { AnnealCap = cap, Seed = seed })))],
        _ => throw new ArgumentException($"No top-n grid for '{name}'. Known: {string.Join(", ", TopNNames)}."),
    };

    public static IReadOnlyList<TuningCandidate> Rating(string name, int seed) => name switch
    {
        "baseline" => [new("Surprise defaults", m => Fit(new Baseline(), m, new BaselineOptions()))],
        "item-knn" => [.. RatingNeighbors.Select(k => new TuningCandidate(
            $"k {k}",
            m => Fit(new ItemKnn(), m, new KnnOptions { Similarity = SimilarityMetric.PearsonBaseline, Neighbors = k, Shrinkage = 100 })))],
        "user-knn" => [.. RatingNeighbors.Select(k => new TuningCandidate(
            $"k {k}",
            m => Fit(new UserKnn(), m, new KnnOptions { Similarity = SimilarityMetric.Pearson, Neighbors = k, Shrinkage = 100 })))],
        "biased-mf" => [.. from factors in MfFactors
                           from reg in SgdRegularization
                           select new TuningCandidate(
                               $"{factors} factors, reg {reg.ToString(CultureInfo.InvariantCulture)}",
                               m => Fit(new BiasedMf(), m, new BiasedMfOptions { Factors = factors, Regularization = reg, Seed = seed }))],
        "svd++" => [.. SgdRegularization.Select(reg => new TuningCandidate(
            $"reg {reg.ToString(CultureInfo.InvariantCulture)}",
            m => Fit(new SvdPlusPlus(), m, new SvdPlusPlusOptions { Regularization = reg, Seed = seed })))],
        "bpmf" => [.. BpmfFactors.Select(factors => new TuningCandidate(
            $"{factors} factors",
            m => Fit(new BayesianMf(), m, new BayesianMfOptions { Factors = factors, Seed = seed })))],
        _ => throw new ArgumentException($"No rating grid for '{name}'. Known: {string.Join(", ", RatingNames)}."),
    };

    private static TModel Fit<TModel, TOptions>(TModel model, InteractionMatrix train, TOptions options)
        where TModel : IRecommender<TOptions>
        where TOptions : class
    {
        model.Fit(train, options);
        return model;
    }
}
