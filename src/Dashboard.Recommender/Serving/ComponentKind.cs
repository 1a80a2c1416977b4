namespace Dashboard.Recommender.Serving;

/// <summary>
/// The engine's algorithms as a blend can name them. Values are saved in blend specs by name, so
/// renaming one breaks stored specs; add new kinds at the end.
/// </summary>
public enum ComponentKind
{
    /// <summary>Most interacted-with items overall.</summary>
    Popularity,

    /// <summary>Popularity where older interactions count less (exponential decay with a half-life).</summary>
    Trending,

    UserKnn,
    ItemKnn,

    /// <summary>Matrix factorisation of star ratings; needs rating events.</summary>
    BiasedMf,

    /// <summary>Matrix factorisation of ratings plus what was rated; needs rating events.</summary>
    SvdPlusPlus,

    ImplicitAls,
    Ease,

    /// <summary>Similarity of item titles, categories, tags and attribute text to the user's items.</summary>
    ContentBased,

    /// <summary>A LightGBM ranker over the candidates of item-kNN, implicit ALS and EASE.</summary>
    LearnedRanker,

    /// <summary>Pairwise ranking factors (BPR): learns to rank each end-user's items above the ones they skipped.</summary>
    Bpr,

    /// <summary>A variational autoencoder (Mult-VAE) that reconstructs each end-user's items from a compressed code.</summary>
    MultVae,

    /// <summary>Bayesian matrix factorisation of star ratings by Gibbs sampling, with what was rated on both sides; needs rating events.</summary>
    BayesianMf,
}
