namespace Dashboard.Recommender.Fairness;

/// <summary>What a <see cref="Finding"/> measures.</summary>
public enum FigureKind
{
    /// <summary>A group's P@k, Recall@k or NDCG@k over the best group's.</summary>
    QualityRatio,

    /// <summary>A group's share of slots showing a category over the other groups' share (disparate impact).</summary>
    ExposureRatio,

    /// <summary>A group's outcome rate in a category in the training data over the best group's.</summary>
    OutcomeRateRatio,

    /// <summary>A group's mean calibration KL divergence (Steck, 2018).</summary>
    CalibrationKl,

    /// <summary>Gini coefficient of item exposure over the whole catalogue.</summary>
    ExposureGini,
}
