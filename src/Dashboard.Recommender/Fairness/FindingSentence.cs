using System.Globalization;

namespace Dashboard.Recommender.Fairness;

/// <summary>
/// One plain English sentence per <see cref="Finding"/>, numbers formatted invariantly (shares as
/// whole percentages, ratios with two decimals, KL and Gini with three), ending with the group sizes,
/// e.g. "End-users in region North receive Electronics in 9 % of their slots against 24 % for the
/// others: ratio 0.38, below the 0.8 threshold (1,200 end-users against 3,400)."; a failure of a
/// blocking threshold says so ("below the 0.8 threshold — blocking").
/// </summary>
public static class FindingSentence
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Describe(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var who = "End-users in " + finding.Attribute + " " + finding.Group;
        var sizes = " (" + Count(finding.GroupSize) + " end-users against " + Count(finding.ReferenceSize) + ")";
        return finding.Kind switch
        {
            FigureKind.ExposureRatio =>
                $"{who} receive {finding.Category} in {Percent(finding.Value)} of their slots against {Percent(finding.ReferenceValue)} for the others: ratio {Ratio(finding.Figure)}, {Judgement(finding)}{sizes}.",
            FigureKind.QualityRatio =>
                $"{who} get {finding.Metric} of {Fixed(finding.Value)} against {Fixed(finding.ReferenceValue)} for {finding.Reference}, the best group: ratio {Ratio(finding.Figure)}, {Judgement(finding)}{sizes}.",
            FigureKind.OutcomeRateRatio =>
                $"In the training data, end-users in {finding.Attribute} {finding.Group} reach {Percent(finding.Value)} {finding.Metric} in {finding.Category} against {Percent(finding.ReferenceValue)} for {finding.Reference}, the best group: ratio {Ratio(finding.Figure)}, {Judgement(finding)}{sizes}.",
            FigureKind.CalibrationKl =>
                $"{who} have a mean calibration KL divergence of {Fixed(finding.Figure)}, {Judgement(finding)} ({Count(finding.GroupSize)} end-users).",
            FigureKind.ExposureGini =>
                $"Item exposure has a Gini coefficient of {Fixed(finding.Figure)}, {Judgement(finding)} ({Count(finding.GroupSize)} end-users' lists).",
            _ => throw new ArgumentOutOfRangeException(nameof(finding), finding.Kind, "Unknown figure kind."),
        };
    }

    private static string Judgement(Finding f)
    {
        var lower = f.Threshold.Lower;
        var upper = f.Threshold.Upper;
        switch (f.Verdict)
        {
            case Verdict.TooFewToJudge:
                return "not judged: too few end-users";
            case Verdict.Undefined:
                return "not defined because the reference is 0";
            case Verdict.Fail:
                var blocking = f.Threshold.Blocking ? " — blocking" : "";
                return lower is { } lo && f.Figure < lo
                    ? $"below the {Bound(lo)} threshold{blocking}"
                    : $"above the {Bound(upper ?? double.NaN)} {MaxWord(f)}{blocking}";
            case Verdict.Warn:
                if (f.Interval is { } ci)
                {
                    foreach (var bound in new[] { lower, upper })
                    {
                        if (bound is { } b && ci.Straddles(b))
                        {
                            return $"but its {Percent(ci.Level)} interval {Ratio(ci.Lower)}–{Ratio(ci.Upper)} straddles the {Bound(b)} {(bound == lower ? "threshold" : MaxWord(f))}";
                        }
                    }
                }

                return lower is { } near && (upper is null || Math.Abs(f.Figure - near) < Math.Abs(f.Figure - upper.Value))
                    ? $"close to the {Bound(near)} threshold"
                    : $"close to the {Bound(upper ?? double.NaN)} {MaxWord(f)}";
            default:
                return (lower, upper) switch
                {
                    ({ } l, { } u) => $"within the {Bound(l)}–{Bound(u)} band",
                    ({ } l, null) => $"at or above the {Bound(l)} threshold",
                    (null, { } u) => $"within the {Bound(u)} {MaxWord(f)}",
                    _ => "with no threshold",
                };
        }
    }

    private static string MaxWord(Finding f) => f.Threshold.Lower is null ? "maximum" : "threshold";

    private static string Percent(double share) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", Invariant) + " %";

    private static string Ratio(double value) => value.ToString("0.00", Invariant);

    private static string Fixed(double value) => value.ToString("0.000", Invariant);

    private static string Bound(double value) => value.ToString("0.###", Invariant);

    private static string Count(int value) => value.ToString("N0", Invariant);
}
