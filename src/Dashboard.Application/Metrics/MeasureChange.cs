namespace Dashboard.Application.Metrics;

/// <summary>One measure from the first version to the second; no delta when either has no value.</summary>
public sealed record MeasureChange(Measure Measure, double? First, double? Second)
{
    public double? Delta => First is { } a && Second is { } b ? b - a : null;

    /// <summary>True when the second is better, false when worse, null when equal or not comparable.</summary>
    public bool? Improved => Delta is { } d && d != 0 ? d > 0 == Measure.HigherIsBetter : null;
}
