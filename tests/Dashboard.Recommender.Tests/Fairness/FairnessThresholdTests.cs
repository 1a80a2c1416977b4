using Dashboard.Recommender.Fairness;

namespace Dashboard.Recommender.Tests.Fairness;

public class FairnessThresholdTests
{
    private static readonly FairnessThreshold Band = new FairnessThresholds().Ratio;

    [Theory]
    [InlineData(0.79, Verdict.Fail)]
    [InlineData(0.82, Verdict.Warn)] // within 5 % of 0.8: below 0.84
    [InlineData(0.85, Verdict.Pass)]
    [InlineData(1.20, Verdict.Warn)] // within 5 % of 1.25: above 1.1875
    [InlineData(1.30, Verdict.Fail)]
    [InlineData(double.NaN, Verdict.Undefined)]
    public void Judge_RatioBand_MapsPointValues(double ratio, Verdict expected)
    {
        Assert.Equal(expected, Band.Judge(ratio, null, 0.05));
    }

    [Fact]
    public void Judge_IntervalStraddlingABound_WarnsEvenWhenThePointPasses()
    {
        Assert.Equal(Verdict.Warn, Band.Judge(0.9, new ConfidenceInterval(0.75, 1.0, 0.95), 0.05));
    }

    [Fact]
    public void Judge_IntervalStraddlingABound_WarnsEvenWhenThePointFails()
    {
        Assert.Equal(Verdict.Warn, Band.Judge(0.78, new ConfidenceInterval(0.7, 0.9, 0.95), 0.05));
    }

    [Fact]
    public void Judge_IntervalWhollyBelow_Fails()
    {
        Assert.Equal(Verdict.Fail, Band.Judge(0.6, new ConfidenceInterval(0.5, 0.7, 0.95), 0.05));
    }

    [Fact]
    public void Judge_Maximum_FailsAboveAndWarnsJustBelow()
    {
        var gini = new FairnessThresholds().ExposureGini;
        Assert.Equal([Verdict.Fail, Verdict.Warn, Verdict.Pass], [gini.Judge(0.91, null, 0.05), gini.Judge(0.88, null, 0.05), gini.Judge(0.5, null, 0.05)]);
    }

    [Fact]
    public void Defaults_AreTheAequitasBandAndTheFourFifthsRule()
    {
        var t = new FairnessThresholds();
        Assert.Equal((0.8, 1.25, 0.8, (double?)null), (t.Ratio.Lower, t.Ratio.Upper, t.Exposure.Lower, t.Exposure.Upper));
    }
}
