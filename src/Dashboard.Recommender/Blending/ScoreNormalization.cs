namespace Dashboard.Recommender.Blending;

/// <summary>
/// How a component's scores are put on a common scale before blending. Statistics are per user and
/// over the whole catalogue (the user's score distribution), so an item's normalised score does not
/// depend on which other candidates were asked for. NaN scores are ignored and stay NaN.
/// </summary>
public enum ScoreNormalization
{
    /// <summary>Raw scores; only sensible when all components share a scale (e.g. predicted ratings).</summary>
    None = 0,

    /// <summary>(score − mean) / standard deviation (population); a constant score maps to 0.</summary>
    ZScore = 1,

    /// <summary>
    /// Percentile rank in [0, 1]: (average 1-based ascending rank − 1) / (scored items − 1), ties
    /// sharing their average rank; a single scored item maps to 1. Robust to outliers and to
    /// components whose scores are not comparable at all.
    /// </summary>
    Rank = 2,
}
