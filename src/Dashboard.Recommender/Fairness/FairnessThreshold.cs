namespace Dashboard.Recommender.Fairness;

/// <summary>
/// Acceptable range of a figure: at least <see cref="Lower"/> and at most <see cref="Upper"/> (either
/// may be open). <see cref="Judge"/> maps a value to a verdict:
/// <list type="number">
/// <item>NaN: <see cref="Verdict.Undefined"/>.</item>
/// <item>A confidence interval that straddles a bound: <see cref="Verdict.Warn"/>, whatever the point
/// value, because the data cannot tell on which side the figure lies.</item>
/// <item>Outside the range: <see cref="Verdict.Fail"/>.</item>
/// <item>Inside but within <c>warnMargin</c> × bound of a bound (e.g. 0.8 ≤ ratio &lt; 0.84 with a
/// margin of 0.05): <see cref="Verdict.Warn"/>.</item>
/// <item>Otherwise <see cref="Verdict.Pass"/>.</item>
/// </list>
/// <see cref="Blocking"/> marks a threshold whose failure must stop a model version from going live
/// until a compliance officer signs it off; the engine only carries the flag into findings and sentences.
/// </summary>
public sealed record FairnessThreshold(double? Lower, double? Upper, bool Blocking = false)
{
    public Verdict Judge(double value, ConfidenceInterval? interval, double warnMargin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(warnMargin);
        if (double.IsNaN(value))
        {
            return Verdict.Undefined;
        }

        if (interval is { } ci && ((Lower is { } lo && ci.Straddles(lo)) || (Upper is { } up && ci.Straddles(up))))
        {
            return Verdict.Warn;
        }

        if ((Lower is { } low && value < low) || (Upper is { } high && value > high))
        {
            return Verdict.Fail;
        }

        if ((Lower is { } l && value < l * (1 + warnMargin)) || (Upper is { } u && value > u * (1 - warnMargin)))
        {
            return Verdict.Warn;
        }

        return Verdict.Pass;
    }
}
