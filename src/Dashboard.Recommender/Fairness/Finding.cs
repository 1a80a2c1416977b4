namespace Dashboard.Recommender.Fairness;

/// <summary>
/// One judged figure. For ratios <see cref="Value"/> is the group's figure, <see cref="ReferenceValue"/>
/// that of <see cref="Reference"/> (the best group, or "the others" for exposure) and
/// <see cref="Figure"/> their ratio with its bootstrap <see cref="Interval"/>. For calibration KL and
/// Gini, <see cref="Figure"/> is the value itself and there is no reference. Sizes are users (for
/// outcome rates: users with funnel events); item-wide findings have an empty attribute and group.
/// </summary>
public sealed record Finding(
    FigureKind Kind,
    string Metric,
    string Attribute,
    string Group,
    string? Category,
    int GroupSize,
    string Reference,
    int ReferenceSize,
    double Value,
    double ReferenceValue,
    double Figure,
    ConfidenceInterval? Interval,
    FairnessThreshold Threshold,
    Verdict Verdict);
