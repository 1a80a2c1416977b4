using Dashboard.Recommender.Evaluation.Significance;

namespace Dashboard.Recommender.Tests.Evaluation.Significance;

public class StudentTTests
{
    [Theory]
    [InlineData(1, 0.75)]                          // Cauchy: ½ + arctan(t)/π
    [InlineData(3, 0.89758361765043326)]
    public void Cdf_WithOneDegreeOfFreedom_IsTheCauchyDistribution(double t, double expected)
    {
        Assert.Equal(expected, StudentT.Cdf(t, 1), 1e-12);
    }

    [Fact]
    public void Cdf_WithTwoDegreesOfFreedom_MatchesItsClosedForm()
    {
        // F(t) = ½ + t / (2√(2 + t²)).
        Assert.Equal(0.5 + (1 / (2 * Math.Sqrt(3))), StudentT.Cdf(1, 2), 1e-12);
    }

    [Theory]
    [InlineData(2.2281388519649385, 10, 0.05)]     // qt(0.975, 10) in R
    [InlineData(4.0321429835552278, 5, 0.01)]      // qt(0.995, 5)
    [InlineData(2.0422724563012373, 30, 0.05)]     // qt(0.975, 30)
    [InlineData(1.9623390808264078, 1000, 0.05)]   // qt(0.975, 1000)
    public void TwoSidedP_AtTheTablesCriticalValues_GivesTheirLevel(double t, double df, double level)
    {
        Assert.Equal(level, StudentT.TwoSidedP(t, df), 1e-9);
    }

    [Fact]
    public void Cdf_IsSymmetricAroundZero()
    {
        Assert.Equal(1 - StudentT.Cdf(1.3, 7.5), StudentT.Cdf(-1.3, 7.5), 1e-14);
    }

    [Fact]
    public void TwoSidedP_AtZero_IsOne()
    {
        Assert.Equal(1, StudentT.TwoSidedP(0, 4.2), 1e-14);
    }
}
