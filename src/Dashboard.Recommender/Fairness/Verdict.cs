namespace Dashboard.Recommender.Fairness;

/// <summary>How a fairness figure fares against its threshold (see <see cref="FairnessThreshold.Judge"/>).</summary>
public enum Verdict
{
    Pass,

    /// <summary>Passing but within the warning margin of a bound, or its confidence interval straddles a bound.</summary>
    Warn,

    Fail,

    /// <summary>The group (or its reference) is below the minimum size: the figure is shown but not judged.</summary>
    TooFewToJudge,

    /// <summary>The figure has no value, e.g. a ratio whose reference is 0.</summary>
    Undefined,
}
