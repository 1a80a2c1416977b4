using Dashboard.Recommender.Data;

namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// How <see cref="TopNEvaluator"/> builds and judges lists.
/// </summary>
/// <param name="K">List length and metric cut-off.</param>
/// <param name="RelevanceThreshold">
/// A test interaction is relevant when its value is at least this; null makes every test
/// interaction relevant (the benchmark's "topn" protocol).
/// </param>
/// <param name="HeadShare">Share of training interactions that defines the popular head for APLT (see <see cref="LongTail"/>).</param>
/// <param name="Similarity">Item–item similarity in [0, 1] for intra-list diversity; null skips the metric (NaN).</param>
/// <param name="Categories">Item categories for calibration; null skips the metric (NaN).</param>
/// <param name="CalibrationAlpha">Smoothing α of the calibration KL.</param>
public sealed record TopNEvaluationOptions(
    int K = 10,
    float? RelevanceThreshold = null,
    double HeadShare = LongTail.DefaultHeadShare,
    Func<int, int, double>? Similarity = null,
    ItemCategories? Categories = null,
    double CalibrationAlpha = BeyondAccuracyMetrics.DefaultCalibrationAlpha);
