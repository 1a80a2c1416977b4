using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Tests.Evaluation;

public class ErrorMetricsTests
{
    private static readonly float[] Actual = [4, 3, 2, 1, 4];
    private static readonly float[] Predicted = [3.8f, 3.2f, 2.1f, 0.9f, 3.9f];

    [Fact]
    public void Mse_MatchesHandComputedValue()
    {
        // Errors 0.2, 0.2, 0.1, 0.1, 0.1 → squares 0.04 + 0.04 + 0.01 + 0.01 + 0.01 = 0.11 → / 5 = 0.022.
        Assert.Equal(0.022, ErrorMetrics.Mse(Predicted, Actual), 6);
    }

    [Fact]
    public void Rmse_IsSquareRootOfMse()
    {
        Assert.Equal(Math.Sqrt(0.022), ErrorMetrics.Rmse(Predicted, Actual), 6);
    }

    [Fact]
    public void Mae_MatchesHandComputedValue()
    {
        // (0.2 + 0.2 + 0.1 + 0.1 + 0.1) / 5 = 0.14.
        Assert.Equal(0.14, ErrorMetrics.Mae(Predicted, Actual), 6);
    }

    [Fact]
    public void Mse_OfEmptyInput_IsNaN()
    {
        Assert.True(double.IsNaN(ErrorMetrics.Mse([], [])));
    }

    [Fact]
    public void Mse_WithMismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => ErrorMetrics.Mse([1, 2], [1]));
    }
}
