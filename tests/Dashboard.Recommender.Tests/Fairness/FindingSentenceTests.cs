using System.Globalization;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Recommender.Tests.Fairness;

public class FindingSentenceTests
{
    private static readonly FairnessThresholds Thresholds = new();

    private static Finding Exposure(double ratio, Verdict verdict, ConfidenceInterval? interval = null) => new(
        FigureKind.ExposureRatio, "share of slots", "region", "North", "Electronics", 1200, "the others", 3400,
        0.09, 0.24, ratio, interval, Thresholds.Exposure, verdict);

    [Fact]
    public void Describe_FailingExposure_ReadsAsTheIssueExample()
    {
        Assert.Equal(
            "End-users in region North receive Electronics in 9 % of their slots against 24 % for the others: ratio 0.38, below the 0.8 threshold (1,200 end-users against 3,400).",
            FindingSentence.Describe(Exposure(0.38, Verdict.Fail)));
    }

    [Fact]
    public void Describe_FormatsNumbersInvariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Contains("ratio 0.38, below the 0.8 threshold (1,200", FindingSentence.Describe(Exposure(0.38, Verdict.Fail)), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Describe_WarnFromAStraddlingInterval_GivesTheInterval()
    {
        var sentence = FindingSentence.Describe(Exposure(0.85, Verdict.Warn, new ConfidenceInterval(0.71, 0.93, 0.95)));
        Assert.Contains("ratio 0.85, but its 95 % interval 0.71–0.93 straddles the 0.8 threshold", sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_QualityRatio_NamesTheBestGroup()
    {
        var finding = new Finding(FigureKind.QualityRatio, "NDCG@10", "age", "65+", null, 40, "25-34", 900,
            0.21, 0.3, 0.7, null, Thresholds.Ratio, Verdict.Fail);
        Assert.Equal(
            "End-users in age 65+ get NDCG@10 of 0.210 against 0.300 for 25-34, the best group: ratio 0.70, below the 0.8 threshold (40 end-users against 900).",
            FindingSentence.Describe(finding));
    }

    [Fact]
    public void Describe_OutcomeRate_TracesItToTheTrainingData()
    {
        var finding = new Finding(FigureKind.OutcomeRateRatio, "purchase per add-to-cart", "region", "North", "Electronics", 500, "South", 520,
            0.12, 0.4, 0.3, null, Thresholds.Ratio, Verdict.Fail);
        Assert.Equal(
            "In the training data, end-users in region North reach 12 % purchase per add-to-cart in Electronics against 40 % for South, the best group: ratio 0.30, below the 0.8 threshold (500 end-users against 520).",
            FindingSentence.Describe(finding));
    }

    [Fact]
    public void Describe_GiniAboveMaximum_SaysAboveTheMaximum()
    {
        var finding = new Finding(FigureKind.ExposureGini, "exposure Gini", "", "", null, 1000, "", 0,
            0.93, double.NaN, 0.93, null, Thresholds.ExposureGini, Verdict.Fail);
        Assert.Equal("Item exposure has a Gini coefficient of 0.930, above the 0.9 maximum (1,000 end-users' lists).", FindingSentence.Describe(finding));
    }

    [Fact]
    public void Describe_TooFewToJudge_SaysSo()
    {
        Assert.Contains("not judged: too few end-users", FindingSentence.Describe(Exposure(0.38, Verdict.TooFewToJudge)), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_FailingBlockingThreshold_SaysBlocking()
    {
        var finding = Exposure(0.38, Verdict.Fail) with { Threshold = Thresholds.Exposure with { Blocking = true } };
        Assert.Contains("ratio 0.38, below the 0.8 threshold — blocking (1,200", FindingSentence.Describe(finding), StringComparison.Ordinal);
    }
}
