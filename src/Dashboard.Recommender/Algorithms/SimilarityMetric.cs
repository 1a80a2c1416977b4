namespace Dashboard.Recommender.Algorithms;

/// <summary>How two users (or two items) are compared in the neighbourhood models.</summary>
public enum SimilarityMetric
{
    /// <summary>Cosine of the raw value vectors, each normalised by its full norm (sparse-data convention).</summary>
    Cosine,

    /// <summary>Pearson correlation: values centred by the vector's own mean, norms over the co-rated entries.</summary>
    Pearson,

    /// <summary>Cosine after centring each value by the mean of the other dimension (user mean for item-item; Sarwar et al. 2001).</summary>
    AdjustedCosine,

    /// <summary>
    /// Pearson-style correlation of baseline residuals r − (μ + b_u + b_i), norms over co-rated entries
    /// (Koren 2010; Surprise's pearson_baseline). Usually the strongest choice for rating prediction.
    /// </summary>
    PearsonBaseline,
}
