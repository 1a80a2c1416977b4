using Dashboard.Application.Fairness;
using Dashboard.Domain.Fairness;
using Dashboard.Recommender.Evaluation;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Application.Tests.Fairness;

public sealed class BiasAuditDocumentTests
{
    [Fact]
    public void A_document_survives_its_json_with_undefined_figures_intervals_and_sentences()
    {
        var threshold = new FairnessThreshold(0.8, 1.25, Blocking: true);
        var finding = new Finding(
            FigureKind.ExposureRatio, "exposure", "region", "North", "Electronics", 120, "the others", 880,
            0.09, 0.24, 0.375, new ConfidenceInterval(0.3, 0.45, 0.95), threshold, Verdict.Fail);
        var undefined = finding with { Kind = FigureKind.QualityRatio, Figure = double.NaN, Interval = null, Verdict = Verdict.Undefined };
        var group = new GroupFigures(
            "North", 120, false, new GroupMetrics("North", 120, 0.1, 0.2, 0.3, 0.15, 0.4, 0.5), 0.12, 0.4, 55.5, 0.1, double.NaN,
            [0.09, 0.91], 100, [0.3, double.NaN]);
        var report = new FairnessReport(
            [new AttributeAudit("region", [group], 3)], new ItemSideFigures(500, 400, 0.1, 60, 0.7, 0.3, 0.5), [finding, undefined], ["Electronics", "Books"]);
        var document = new BiasAuditDocument(report, ["first", "second"], 10, 0.21, 0.08, 1000, new Dictionary<string, string> { ["age"] = "bands of 10 years" });

        var back = BiasAuditDocument.FromJson(document.ToJson());

        Assert.Equal("Electronics", back.Report.Findings[0].Category);
        Assert.Equal(new ConfidenceInterval(0.3, 0.45, 0.95), back.Report.Findings[0].Interval);
        Assert.True(back.Report.Findings[0].Threshold.Blocking);
        Assert.Equal(Verdict.Fail, back.Report.Findings[0].Verdict);
        Assert.True(double.IsNaN(back.Report.Findings[1].Figure));
        Assert.True(double.IsNaN(back.Report.Attributes[0].Groups[0].CalibrationKl));
        Assert.Equal(0.3, back.Report.Attributes[0].Groups[0].Quality!.Ndcg);
        Assert.Equal(["first", "second"], back.Sentences);
        Assert.Equal("bands of 10 years", back.Generalised["age"]);
        Assert.Equal(3, back.Report.Attributes[0].UnknownCount);
    }

    [Fact]
    public void Settings_become_the_engine_thresholds_with_their_blocking_flags()
    {
        var settings = new FairnessSettings { RatioLower = 0.7, RatioUpper = 1.4, RatioBlocking = false, ExposureLower = 0.75, MaxExposureGini = 0.8, ExposureGiniBlocking = true, MinGroupSize = 50 };

        var thresholds = FairnessThresholdsJson.FromJson(FairnessThresholdsJson.ToJson(settings.ToThresholds()));

        Assert.Equal(new FairnessThreshold(0.7, 1.4, false), thresholds.Ratio);
        Assert.Equal(new FairnessThreshold(0.75, null, true), thresholds.Exposure);
        Assert.Equal(new FairnessThreshold(null, 0.8, true), thresholds.ExposureGini);
        Assert.Equal(new FairnessThreshold(null, FairnessSettings.DefaultMaxCalibrationKl, false), thresholds.CalibrationKl);
        Assert.Equal(50, thresholds.MinGroupSize);
    }
}
