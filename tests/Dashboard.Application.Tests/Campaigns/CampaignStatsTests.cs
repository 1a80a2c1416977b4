using Dashboard.Application.Campaigns;

namespace Dashboard.Application.Tests.Campaigns;

/// <summary>Known answers computed with Python's statistics.NormalDist and math.erfc (double precision), written in by hand.</summary>
public sealed class CampaignStatsTests
{
    [Theory]
    [InlineData(1.96, 0.9750021048517796)]
    [InlineData(0, 0.5)]
    [InlineData(-3, 0.0013498980316300957)]
    [InlineData(-6, 9.865876449133282e-10)]
    public void NormalCdf_MatchesTheStandardNormalToSevenSignificantDigits(double x, double expected)
    {
        Assert.Equal(expected, CampaignStats.NormalCdf(x), expected * 2e-7);
    }

    [Theory]
    [InlineData(0.975, 1.9599639845400536)]
    [InlineData(0.9875, 2.2414027276049464)]
    [InlineData(0.99375, 2.4977054744123737)]
    [InlineData(0.8, 0.8416212335729144)]
    [InlineData(0.001, -3.090232306167813)]
    public void NormalQuantile_InvertsTheStandardNormal(double p, double expected)
    {
        Assert.Equal(expected, CampaignStats.NormalQuantile(p), 1e-6);
    }

    [Theory]
    [InlineData(10, 100, 0.0552291370606751, 0.17436566150491345)]
    [InlineData(1, 10, 0.017876213095072924, 0.40415002679523837)]
    [InlineData(1230, 25000, 0.046587518097778384, 0.05195099898882378)]
    [InlineData(0, 50, 0, 0.0713475991333587)]
    [InlineData(50, 50, 0.9286524008666414, 1)]
    public void Wilson_GivesTheScoreIntervalAt95Percent(long successes, long trials, double lower, double upper)
    {
        var interval = CampaignStats.Wilson(successes, trials);

        Assert.Equal((lower, upper), (Math.Round(interval.Lower, 12), Math.Round(interval.Upper, 12)), new RoundedPair(1e-12));
    }

    [Fact]
    public void Wilson_WithoutTrials_KnowsNothing()
    {
        Assert.Equal((0d, 1d), CampaignStats.Wilson(0, 0));
    }

    [Fact]
    public void Wilson_RefusesMoreSuccessesThanTrials()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CampaignStats.Wilson(11, 10));
    }

    [Theory]
    [InlineData(100, 1000, 130, 1000, 2.102740605622114, 0.03548845046647473)]
    [InlineData(500, 10000, 560, 10000, 1.8937529756356748, 0.058257806033516255)]
    [InlineData(120, 2000, 60, 1500, -2.651058741295484, 0.008023988473686612)]
    [InlineData(200, 1000, 120, 1000, -4.879500364742667, 1.0635492679527305e-06)]
    [InlineData(50, 1000, 50, 1000, 0, 1)]
    public void TwoProportionZTest_GivesThePooledZAndTheTwoSidedPValue(long sA, long nA, long sB, long nB, double z, double p)
    {
        var test = CampaignStats.TwoProportionZTest(sA, nA, sB, nB);

        Assert.Equal(z, test.Z, 1e-9);
        Assert.Equal(p, test.PValue, Math.Max(p * 2e-7, 1e-12));
    }

    [Fact]
    public void TwoProportionZTest_WithNothingToTellApart_SaysNoDifference()
    {
        Assert.Equal((0d, 1d), CampaignStats.TwoProportionZTest(0, 500, 0, 400));
    }

    [Theory]
    [InlineData(0.10, 1, 14751)]
    [InlineData(0.05, 1, 31234)]
    [InlineData(0.01, 1, 163095)]
    [InlineData(0.10, 2, 17864)]
    [InlineData(0.10, 3, 19676)]
    [InlineData(0.20, 4, 9249)]
    public void MinimumSampleSize_DetectsATenPercentLiftWithBonferroniAt80PercentPower(double baseline, int comparisons, long expected)
    {
        Assert.Equal(expected, CampaignStats.MinimumSampleSize(baseline, 0.10, 0.05, 0.8, comparisons));
    }

    [Fact]
    public void MinimumSampleSize_RefusesALiftPastCertainty()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CampaignStats.MinimumSampleSize(0.95, 0.10, 0.05, 0.8, 1));
    }

    private sealed class RoundedPair(double tolerance) : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) <= tolerance && Math.Abs(x.Item2 - y.Item2) <= tolerance;

        public int GetHashCode((double, double) obj) => 0;
    }
}
