using Dashboard.Recommender.Evaluation.Significance;

namespace Dashboard.Recommender.Tests.Evaluation.Significance;

public class WelchTestTests
{
    // Student's sleep data (R's `sleep`): extra hours of sleep under two drugs.
    private static readonly double[] DrugOne = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
    private static readonly double[] DrugTwo = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

    [Fact]
    public void Compare_OnTheSleepData_MatchesR()
    {
        // R: t.test(extra ~ group, data = sleep) → t = -1.8608, df = 17.776, p-value = 0.07939 (group 1 minus group 2).
        var result = WelchTest.Compare(SampleSummary.Of(DrugOne), SampleSummary.Of(DrugTwo));

        Assert.NotNull(result);
        Assert.Equal(1.8608, result.T, 4);
        Assert.Equal(17.776, result.DegreesOfFreedom, 3);
        Assert.Equal(0.07939, result.PValue, 5);
    }

    [Fact]
    public void Compare_WithUnequalSizesAndSpreads_UsesWelchSatterthwaiteDegreesOfFreedom()
    {
        // se² = 4/10 + 1/40 = 0.425; ν = 0.425² / (0.4²/9 + 0.025²/39) = 10.1268…
        var result = WelchTest.Compare(new SampleSummary(1, 2, 10), new SampleSummary(2, 1, 40));

        Assert.NotNull(result);
        Assert.Equal(1 / Math.Sqrt(0.425), result.T, 12);
        Assert.Equal(0.425 * 0.425 / ((0.16 / 9) + (0.000625 / 39)), result.DegreesOfFreedom, 10);
    }

    [Fact]
    public void Compare_WithASampleOfOne_IsUndefined()
    {
        Assert.Null(WelchTest.Compare(new SampleSummary(1, double.NaN, 1), new SampleSummary(2, 1, 40)));
    }

    [Fact]
    public void Compare_WithNoSpreadInEitherSample_IsUndefined()
    {
        Assert.Null(WelchTest.Compare(new SampleSummary(1, 0, 5), new SampleSummary(1, 0, 5)));
    }

    [Fact]
    public void SampleSummary_Of_UsesTheSampleStandardDeviation()
    {
        var summary = SampleSummary.Of([2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(5, summary.Mean, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), summary.StandardDeviation, 12);
        Assert.Equal(8, summary.Count);
    }
}
