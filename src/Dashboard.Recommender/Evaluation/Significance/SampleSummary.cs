namespace Dashboard.Recommender.Evaluation.Significance;

/// <summary>
/// Mean, sample standard deviation (n − 1 in the denominator) and size of a sample: all a
/// two-sample test needs, and small enough to store beside a model version.
/// </summary>
public sealed record SampleSummary(double Mean, double StandardDeviation, int Count)
{
    /// <summary>Summarises values by Welford's update, which keeps the variance accurate when the mean is large. Empty: NaN mean.</summary>
    public static SampleSummary Of(ReadOnlySpan<double> values)
    {
        double mean = 0, squares = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var delta = values[i] - mean;
            mean += delta / (i + 1);
            squares += delta * (values[i] - mean);
        }

        var n = values.Length;
        return new SampleSummary(n == 0 ? double.NaN : mean, n < 2 ? double.NaN : Math.Sqrt(squares / (n - 1)), n);
    }
}
