namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Spread of one metric across groups: the best and worst group, the absolute gap (max − min) and
/// the ratio min / max (1 = parity; NaN when every group scores 0).
/// </summary>
public sealed record MetricDisparity(
    string Metric,
    string MaxGroup,
    double Max,
    string MinGroup,
    double Min,
    double Gap,
    double Ratio);
