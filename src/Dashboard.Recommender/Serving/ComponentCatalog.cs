using System.Globalization;

namespace Dashboard.Recommender.Serving;

/// <summary>
/// Every component kind with its display name, help, requirements and options (names, defaults,
/// ranges, one line of help each). The blend editor renders from this, <see cref="BlendSpec.Validate"/>
/// checks against it and <see cref="BlendTrainer"/> reads options through it, so the three cannot drift.
/// </summary>
public static class ComponentCatalog
{
    public const string Cosine = "cosine";
    public const string Pearson = "pearson";

    private static readonly ComponentDescriptor[] Descriptors =
    [
        new(
            ComponentKind.Popularity,
            "Popularity",
            "Recommends the items most end-users interacted with. Not personal; the safe fallback for new end-users.",
            NeedsRatings: false,
            NeedsItemText: false,
            ExplainsByHistory: false,
            [UseValues("Count each interaction by its event weight (a purchase counts more than a view) instead of once.", false)]),
        new(
            ComponentKind.Trending,
            "Trending",
            "Popularity where recent interactions count more, so items that are hot right now rise.",
            NeedsRatings: false,
            NeedsItemText: false,
            ExplainsByHistory: false,
            [
                Number("halfLifeDays", "Half-life (days)", "After this many days an interaction counts half as much.", 7, 0.1, 3650),
                UseValues("Count each interaction by its event weight instead of once.", false),
            ]),
        new(
            ComponentKind.UserKnn,
            "Similar customers (user-kNN)",
            "Recommends what end-users with a similar history interacted with.",
            NeedsRatings: false,
            NeedsItemText: false,
            ExplainsByHistory: false,
            KnnOptions()),
        new(
            ComponentKind.ItemKnn,
            "Similar items (item-kNN)",
            "Recommends items often interacted with together with the end-user's items (\"because you bought X\").",
            NeedsRatings: false,
            NeedsItemText: false,
            ExplainsByHistory: true,
            KnnOptions()),
        new(
            ComponentKind.BiasedMf,
            "Rating model (biased MF)",
            "Learns taste factors from star ratings and predicts the rating an end-user would give. Needs rating events.",
            NeedsRatings: true,
            NeedsItemText: false,
            ExplainsByHistory: false,
            FactorOptions(64)),
        new(
            ComponentKind.SvdPlusPlus,
            "Rating model with history (SVD++)",
            "Like the rating model, also learning from which items were rated at all. Slower; needs rating events.",
            NeedsRatings: true,
            NeedsItemText: false,
            ExplainsByHistory: false,
            FactorOptions(32)),
        new(
            ComponentKind.ImplicitAls,
            "Taste factors (implicit ALS)",
            "Learns hidden taste factors from all interactions and recommends items that match the end-user's factors (\"because you viewed X\").",
            NeedsRatings: false,
            NeedsItemText: false,
            ExplainsByHistory: true,
            [
                Integer("factors", "Factors", "Number of hidden taste dimensions; more capture finer tastes but need more data.", 32, 1, 512),
                Integer("iterations", "Iterations", "Training passes; more are slower and rarely help past 15.", 15, 1, 100),
                Number("regularization", "Regularisation", "Higher values keep the model simple and avoid over-fitting small data.", 20, 0, 10000),
                Number("alpha", "Confidence", "How much more an observed interaction counts than an unobserved one.", 1, 0, 1000),
                UseValues("Let stronger events (purchases) count more than weak ones (views).", true),
            ]),
        new(
            ComponentKind.Ease,
            "Item associations (EASE)",
            "Learns which items go together from all interactions; the strongest single model on benchmarks (\"because you viewed X\").",
            NeedsRatings: false,
            NeedsItemText: false,
            ExplainsByHistory: true,
            [
                Number("lambda", "Regularisation", "Higher values smooth the associations; 100–1000 suits most catalogues.", 400, 1, 100000),
                UseValues("Let stronger events count more than weak ones instead of treating every interaction alike.", false),
            ]),
        new(
            ComponentKind.ContentBased,
            "Similar content",
            "Recommends items whose title, categories, tags and attributes resemble the end-user's items; works for brand-new items.",
            NeedsRatings: false,
            NeedsItemText: true,
            ExplainsByHistory: false,
            [
                Number("titleWeight", "Title weight", "How much words in titles count.", 0.5, 0, 10),
                Number("categoryWeight", "Category weight", "How much shared categories count.", 1, 0, 10),
                Number("tagWeight", "Tag and attribute weight", "How much shared tags and attribute words count.", 1, 0, 10),
            ]),
        new(
            ComponentKind.LearnedRanker,
            "Learned ranker",
            "Trains a ranking model on top of item associations, taste factors and popularity. Slowest to train.",
            NeedsRatings: false,
            NeedsItemText: false,
            ExplainsByHistory: false,
            [
                Integer("candidatesPerModel", "Candidates per model", "How many items each underlying model proposes for re-ranking.", 50, 5, 500),
                Integer("trees", "Trees", "Boosting rounds; more fit better and train slower.", 200, 10, 2000),
                Integer("leaves", "Leaves per tree", "Complexity of each tree; small trees generalise better on little data.", 15, 2, 255),
            ]),
        new(
            ComponentKind.Bpr,
            "Pairwise taste factors (BPR)",
            "Learns hidden taste factors by ranking each end-user's items above items they did not interact with; the classic implicit-feedback baseline.",
            NeedsRatings: false,
            NeedsItemText: false,
            ExplainsByHistory: false,
            [
                Integer("factors", "Factors", "Number of hidden taste dimensions; more capture finer tastes but need more data.", 64, 1, 512),
                Integer("epochs", "Epochs", "Training passes; each draws as many item pairs as there are interactions.", 30, 1, 500),
                Number("regularization", "Regularisation", "Higher values keep the model simple and avoid over-fitting small data.", 0.0025, 0, 1),
                Number("learningRate", "Learning rate", "Step size of each training update; too high diverges, too low learns slowly.", 0.05, 0.0001, 1),
            ]),
        new(
            ComponentKind.MultVae,
            "Neural autoencoder (Mult-VAE)",
            "A small neural network that compresses each end-user's items into a code and predicts the rest of their taste from it.",
            NeedsRatings: false,
            NeedsItemText: false,
            ExplainsByHistory: false,
            [
                Integer("hidden", "Hidden units", "Width of the network's hidden layers; wider learns more and trains slower.", 200, 8, 1000),
                Integer("latent", "Code size", "Dimensions of the compressed taste code.", 64, 2, 400),
                Integer("epochs", "Epochs", "Training passes over all end-users.", 50, 1, 500),
                Number("annealCap", "KL weight", "How strongly codes are pulled towards the prior; higher generalises more.", 0.2, 0, 1),
            ]),
        new(
            ComponentKind.BayesianMf,
            "Bayesian rating model (BPMF)",
            "Predicts star ratings by averaging many sampled rating models, learning how much to trust the data by itself; the most accurate rating model, and slower. Needs rating events.",
            NeedsRatings: true,
            NeedsItemText: false,
            ExplainsByHistory: false,
            [
                Integer("factors", "Factors", "Number of hidden taste dimensions; cost grows with its square.", 16, 1, 128),
                Integer("samples", "Samples", "Sampled models averaged into the prediction; more are smoother, slower and larger.", 40, 1, 500),
                Integer("burnIn", "Burn-in sweeps", "Sampling sweeps thrown away first, while the sampler leaves its random start.", 20, 0, 500),
            ]),
    ];

    public static IReadOnlyList<ComponentDescriptor> All { get; } = Descriptors;

    public static ComponentDescriptor Describe(ComponentKind kind)
    {
        foreach (var descriptor in Descriptors)
        {
            if (descriptor.Kind == kind)
            {
                return descriptor;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown component kind.");
    }

    /// <summary>Parses an Integer or Number option and checks its range; false with a message when it does not fit.</summary>
    internal static bool TryReadNumber(OptionDescriptor option, string text, out double value, out string? problem)
    {
        problem = null;
        var ok = option.Type == OptionType.Integer
            ? TryInteger(text, out value)
            : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
        if (!ok)
        {
            problem = option.Type == OptionType.Integer
                ? $"{option.Label} must be a whole number."
                : $"{option.Label} must be a number.";
            return false;
        }

        if (value < option.Min || value > option.Max)
        {
            problem = $"{option.Label} must be between {Format(option.Min)} and {Format(option.Max)}.";
            return false;
        }

        return true;
    }

    /// <summary>Checks any option's text; null when it is acceptable.</summary>
    internal static string? Check(OptionDescriptor option, string text) => option.Type switch
    {
        OptionType.Integer or OptionType.Number => TryReadNumber(option, text, out _, out var problem) ? null : problem,
        OptionType.Boolean => bool.TryParse(text, out _) ? null : $"{option.Label} must be true or false.",
        _ => option.Choices.Contains(text, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"{option.Label} must be one of: {string.Join(", ", option.Choices)}.",
    };

    internal static string Format(double? value) =>
        value?.ToString("0.####", CultureInfo.InvariantCulture) ?? string.Empty;

    private static bool TryInteger(string text, out double value)
    {
        var ok = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer);
        value = integer;
        return ok;
    }

    private static OptionDescriptor[] KnnOptions() =>
    [
        Integer("neighbors", "Neighbours (k)", "How many of the most similar neighbours are used for each score.", 50, 1, 1000),
        new(
            "similarity",
            "Similarity",
            "Cosine compares who interacted; Pearson compares how strongly (event weights or stars).",
            OptionType.Choice,
            Cosine,
            null,
            null,
            [Cosine, Pearson]),
        Number("shrinkage", "Shrinkage", "Damps similarities based on few shared interactions; 0 is off.", 0, 0, 1000),
    ];

    private static OptionDescriptor[] FactorOptions(int factors) =>
    [
        Integer("factors", "Factors", "Number of hidden taste dimensions; more capture finer tastes but need more data.", factors, 1, 512),
        Integer("epochs", "Epochs", "Training passes over the ratings.", 20, 1, 200),
        Number("regularization", "Regularisation", "Higher values keep the model simple and avoid over-fitting small data.", 0.045, 0, 1),
        Number("learningRate", "Learning rate", "Step size of each training update; too high diverges, too low learns slowly.", 0.01, 0.0001, 0.5),
    ];

    private static OptionDescriptor Integer(string name, string label, string help, int value, int min, int max) =>
        new(name, label, help, OptionType.Integer, value.ToString(CultureInfo.InvariantCulture), min, max, []);

    private static OptionDescriptor Number(string name, string label, string help, double value, double min, double max) =>
        new(name, label, help, OptionType.Number, Format(value), min, max, []);

    private static OptionDescriptor UseValues(string help, bool value) =>
        new("useValues", "Use event weights", help, OptionType.Boolean, value ? "true" : "false", null, null, []);
}
