namespace Dashboard.Recommender.Fairness;

/// <summary>
/// The thresholds an audit judges by. Defaults: the 0.8–1.25 ratio band of Aequitas for quality and
/// outcome-rate ratios; the four-fifths rule (29 CFR 1607.4(D)) for exposure, one-sided because it
/// guards against under-exposure; a maximum exposure Gini and a maximum mean calibration KL that are
/// starting points for compliance officers to tune. A figure within <see cref="WarnMargin"/> (relative
/// to the bound) on the passing side is a warning; groups with fewer than <see cref="MinGroupSize"/>
/// users are "too few to judge".
/// </summary>
public sealed record FairnessThresholds
{
    public FairnessThreshold Ratio { get; init; } = new(0.8, 1.25);

    public FairnessThreshold Exposure { get; init; } = new(0.8, null);

    public FairnessThreshold ExposureGini { get; init; } = new(null, 0.9);

    public FairnessThreshold CalibrationKl { get; init; } = new(null, 0.5);

    public double WarnMargin { get; init; } = 0.05;

    public int MinGroupSize { get; init; } = 30;
}
