namespace Dashboard.Recommender.Evaluation.Significance;

/// <summary>
/// Welch's unequal-variances t-test of two independent samples from their summaries:
/// t = (m₂ − m₁) / √(s₁²/n₁ + s₂²/n₂), with the Welch–Satterthwaite degrees of freedom
/// ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)).
/// Two model versions are scored on different held-out end-users once the data has grown, so the
/// samples are not paired and a paired test does not apply.
/// </summary>
public static class WelchTest
{
    /// <summary>
    /// Tests whether the second sample's mean differs from the first's (two-sided). Null when the
    /// test is undefined: a sample with fewer than two values, or both without any spread.
    /// </summary>
    public static WelchTestResult? Compare(SampleSummary first, SampleSummary second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count < 2 || second.Count < 2 || !double.IsFinite(first.StandardDeviation) || !double.IsFinite(second.StandardDeviation))
        {
            return null;
        }

        var v1 = first.StandardDeviation * first.StandardDeviation / first.Count;
        var v2 = second.StandardDeviation * second.StandardDeviation / second.Count;
        var se2 = v1 + v2;
        if (!(se2 > 0))
        {
            return null;
        }

        var t = (second.Mean - first.Mean) / Math.Sqrt(se2);
        var df = se2 * se2 / ((v1 * v1 / (first.Count - 1)) + (v2 * v2 / (second.Count - 1)));
        return new WelchTestResult(t, df, StudentT.TwoSidedP(t, df));
    }
}
