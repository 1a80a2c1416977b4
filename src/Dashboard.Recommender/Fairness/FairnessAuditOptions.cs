using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Fairness;

/// <summary>
/// How an audit computes: the cut-off the per-user metrics were taken at (for labels), the head share
/// of the long-tail split, the calibration smoothing α, and the bootstrap (resamples, level, seed).
/// </summary>
public sealed record FairnessAuditOptions(
    int K = 10,
    double HeadShare = LongTail.DefaultHeadShare,
    double CalibrationAlpha = BeyondAccuracyMetrics.DefaultCalibrationAlpha,
    int Resamples = 200,
    double ConfidenceLevel = 0.95,
    int Seed = 20261130);
