using Dashboard.Recommender.Fairness;

namespace Dashboard.Recommender.Tests.Fairness;

public class PlantedBiasTests
{
    private static FairnessReport Audit(bool planted)
    {
        var (input, region) = PlantedBiasData.Generate(planted);
        return FairnessAudit.Run(input, [region]);
    }

    [Fact]
    public void PlantedBias_UnderExposureOfNorthElectronics_Fails()
    {
        var finding = Audit(planted: true).Findings.Single(f => f.Kind == FigureKind.ExposureRatio && f.Group == "North" && f.Category == "Electronics");

        Assert.Equal(Verdict.Fail, finding.Verdict);
        Assert.True(finding.Interval!.Value.Upper < 0.8, FindingSentence.Describe(finding));
    }

    [Fact]
    public void PlantedBias_NorthElectronicsOutcomeRate_FailsAgainstTheBestGroup()
    {
        var finding = Audit(planted: true).Findings.Single(f => f.Kind == FigureKind.OutcomeRateRatio && f.Group == "North" && f.Category == "Electronics");

        Assert.Equal(Verdict.Fail, finding.Verdict);
        Assert.InRange(finding.Figure, 0.15, 0.45);
    }

    [Fact]
    public void PlantedBias_OnlyNorthElectronicsFailsOnExposureAndOutcomes()
    {
        var failing = Audit(planted: true).Findings
            .Where(f => f.Kind is FigureKind.ExposureRatio or FigureKind.OutcomeRateRatio && f.Verdict == Verdict.Fail)
            .Select(f => (f.Kind, f.Group, f.Category));

        Assert.Equal([(FigureKind.ExposureRatio, "North", "Electronics"), (FigureKind.OutcomeRateRatio, "North", "Electronics")], failing);
    }

    [Fact]
    public void Balanced_NoExposureOrOutcomeFindingFails()
    {
        var findings = Audit(planted: false).Findings.Where(f => f.Kind is FigureKind.ExposureRatio or FigureKind.OutcomeRateRatio).ToList();

        Assert.Equal(3 * 4 * 2, findings.Count);
        Assert.DoesNotContain(findings, f => f.Verdict == Verdict.Fail);
    }
}
