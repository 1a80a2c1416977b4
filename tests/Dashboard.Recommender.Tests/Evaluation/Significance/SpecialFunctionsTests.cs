using Dashboard.Recommender.Evaluation.Significance;

namespace Dashboard.Recommender.Tests.Evaluation.Significance;

public class SpecialFunctionsTests
{
    [Theory]
    [InlineData(0.5, 0.57236494292470008)]   // ln √π
    [InlineData(1, 0)]
    [InlineData(10, 12.801827480081469)]      // ln 9!
    [InlineData(0.1, 2.2527126517342055)]
    [InlineData(100.5, 361.43554046777760)]
    public void LogGamma_MatchesKnownValues(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), 1e-12);
    }

    [Theory]
    [InlineData(0.5, 2, 3, 0.6875)]           // Σ_{j=2..4} C(4, j)/16 = 11/16
    [InlineData(0.3, 1, 1, 0.3)]              // the uniform distribution
    [InlineData(0.2, 1, 4, 0.59040)]          // 1 − 0.8⁴
    [InlineData(0.9, 5, 1, 0.59049)]          // 0.9⁵
    [InlineData(0.5, 0.5, 0.5, 0.5)]          // symmetric arcsine
    public void RegularizedIncompleteBeta_MatchesClosedForms(double x, double a, double b, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.RegularizedIncompleteBeta(x, a, b), 1e-12);
    }

    [Fact]
    public void RegularizedIncompleteBeta_OfTheArcsineDistribution_MatchesItsClosedForm()
    {
        // I_x(½, ½) = (2/π)·arcsin √x.
        var x = 0.1;

        Assert.Equal(2 / Math.PI * Math.Asin(Math.Sqrt(x)), SpecialFunctions.RegularizedIncompleteBeta(x, 0.5, 0.5), 1e-12);
    }
}
