namespace Dashboard.Recommender.Evaluation;

/// <summary>
/// Rating-prediction error metrics over aligned predicted/actual vectors. Sums are accumulated in
/// double so a million float ratings do not lose precision. An empty input has no error: NaN.
/// </summary>
public static class ErrorMetrics
{
    /// <summary>Mean squared error.</summary>
    public static double Mse(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        EnsureAligned(predicted, actual);
        if (predicted.IsEmpty)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var e = (double)predicted[i] - actual[i];
            sum += e * e;
        }

        return sum / predicted.Length;
    }

    /// <summary>Root mean squared error: the square root of <see cref="Mse"/>.</summary>
    public static double Rmse(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual) =>
        Math.Sqrt(Mse(predicted, actual));

    /// <summary>Mean absolute error.</summary>
    public static double Mae(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        EnsureAligned(predicted, actual);
        if (predicted.IsEmpty)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            sum += Math.Abs((double)predicted[i] - actual[i]);
        }

        return sum / predicted.Length;
    }

    private static void EnsureAligned(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException(
                $"Predicted ({predicted.Length}) and actual ({actual.Length}) values must have the same length.", nameof(actual));
        }
    }
}
