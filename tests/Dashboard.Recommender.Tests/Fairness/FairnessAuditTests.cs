using Dashboard.Recommender.Fairness;

namespace Dashboard.Recommender.Tests.Fairness;

public class FairnessAuditTests
{
    private static readonly FairnessReport Report =
        FairnessAudit.Run(AuditData.HandMade(), [AuditData.Region()], AuditData.SmallGroups, AuditData.Options);

    private static FairnessReport PerUser() => FairnessAudit.Run(
        AuditData.HandMade(), [new SensitiveFeature("user", ["0", "1", "2", "3"], [0, 1, 2, 3])], AuditData.SmallGroups, AuditData.Options);

    private static GroupFigures Group(string name) => Report.Attributes[0].Groups.Single(g => g.Group == name);

    private static Finding Find(FigureKind kind, string group, string? metricOrCategory = null) =>
        Report.Findings.Single(f => f.Kind == kind && f.Group == group
            && (metricOrCategory is null || f.Category == metricOrCategory || f.Metric == metricOrCategory));

    [Fact]
    public void Quality_GroupMeansMatchHandComputedValues()
    {
        // A: P@2 (0.5 + 0.5) / 2; Recall (1 + 0.5) / 2; NDCG (1 + (1/log2 3) / (1 + 1/log2 3)) / 2.
        // B: P@2 (0 + 0.5) / 2; Recall (0 + 1) / 2; NDCG (0 + 1) / 2.
        var a = Group("A").Quality!;
        var b = Group("B").Quality!;
        var u1Ndcg = (1 / Math.Log2(3)) / (1 + (1 / Math.Log2(3)));
        Assert.Equal((0.5, 0.75, (1 + u1Ndcg) / 2), (a.Precision, a.Recall, a.Ndcg), new RoundedTupleComparer());
        Assert.Equal((0.25, 0.5, 0.5), (b.Precision, b.Recall, b.Ndcg), new RoundedTupleComparer());
    }

    [Fact]
    public void QualityRatio_IsEachGroupOverTheBestGroup()
    {
        // A is best on all three; B: P 0.25 / 0.5 = 0.5, Recall 0.5 / 0.75 = 2/3, NDCG 0.5 / 0.693426 = 0.721058.
        var u1Ndcg = (1 / Math.Log2(3)) / (1 + (1 / Math.Log2(3)));
        Assert.Equal(0.5, Find(FigureKind.QualityRatio, "B", "P@2").Figure, 10);
        Assert.Equal(2.0 / 3, Find(FigureKind.QualityRatio, "B", "Recall@2").Figure, 10);
        Assert.Equal(0.5 / ((1 + u1Ndcg) / 2), Find(FigureKind.QualityRatio, "B", "NDCG@2").Figure, 10);
        Assert.Equal("A", Find(FigureKind.QualityRatio, "B", "NDCG@2").Reference);
        Assert.Equal(1.0, Find(FigureKind.QualityRatio, "A", "P@2").Figure, 10);
    }

    [Fact]
    public void Exposure_SlotShareCoverageAndPopularityMatchHandComputedValues()
    {
        // A shows items 0, 2, 1, 0: 4 of 8 slots, 3 of 4 items, ARP ((10 + 3) / 2 + (6 + 10) / 2) / 2 = 7.25,
        // APLT (1/2 + 1/2) / 2 = 0.5. B shows 0, 1, 2, 3: coverage 1, ARP (8 + 2) / 2 = 5, APLT (0.5 + 1) / 2.
        var a = Group("A");
        var b = Group("B");
        Assert.Equal([0.5, 0.75, 7.25, 0.5], [a.SlotShare, a.CatalogCoverage, a.MeanPopularity, a.LongTailShare]);
        Assert.Equal([0.5, 1.0, 5.0, 0.75], [b.SlotShare, b.CatalogCoverage, b.MeanPopularity, b.LongTailShare]);
    }

    [Fact]
    public void ExposureRatio_IsTheGroupsCategoryShareOverTheOthers()
    {
        // A: Books 3/4, Electronics 1/4 of its slots; B: 2/4 each. A's Electronics ratio 0.25 / 0.5 = 0.5.
        var finding = Find(FigureKind.ExposureRatio, "A", "Electronics");
        Assert.Equal((0.25, 0.5, 0.5), (finding.Value, finding.ReferenceValue, finding.Figure));
        Assert.Equal([0.75, 0.25], Group("A").CategorySlotShare);
    }

    [Fact]
    public void ExposureRatio_TwoUsersPerGroup_WarnsBecauseTheIntervalStraddlesTheRule()
    {
        // 0.5 is below 0.8, but resampling two users per group can give A two Electronics slots of four.
        var finding = Find(FigureKind.ExposureRatio, "A", "Electronics");
        Assert.True(finding.Interval!.Value.Straddles(0.8));
        Assert.Equal(Verdict.Warn, finding.Verdict);
    }

    [Fact]
    public void ExposureRatio_BelowFourFifthsWithASettledInterval_Fails()
    {
        // One user per group: every resample is the same user. u1 shows no Electronics; the others 3 of 6 slots.
        var finding = PerUser().Findings.Single(f => f.Kind == FigureKind.ExposureRatio && f.Group == "1" && f.Category == "Electronics");
        Assert.Equal((0.0, Verdict.Fail), (finding.Figure, finding.Verdict));
    }

    [Fact]
    public void ExposureRatio_OverExposure_PassesTheOneSidedRule()
    {
        // u1's Books: 2/2 over the others' 3/6 = 2; the four-fifths rule guards against under-exposure only.
        var finding = PerUser().Findings.Single(f => f.Kind == FigureKind.ExposureRatio && f.Group == "1" && f.Category == "Books");
        Assert.Equal((2.0, Verdict.Pass), (finding.Figure, finding.Verdict));
    }

    [Fact]
    public void Calibration_IsTheMeanKlOverMembersWithACategorisedHistory()
    {
        // u0: p = (1, 0), q = (½, ½), q̃(Books) = 0.99·½ + 0.01 = 0.505: KL = ln(1 / 0.505) = 0.683197.
        // u1: p = (0, 1), q = (1, 0), q̃(Electronics) = 0.01: KL = ln 100 = 4.605170. A: mean 2.644184.
        // u2 has no history and is skipped; u3: p = (½, ½), q = (0, 1), q̃ = (0.005, 0.995):
        // KL = ½ ln(0.5 / 0.005) + ½ ln(0.5 / 0.995) = 1.958517.
        Assert.Equal((Math.Log(1 / 0.505) + Math.Log(100)) / 2, Group("A").CalibrationKl, 10);
        Assert.Equal((0.5 * Math.Log(100)) + (0.5 * Math.Log(0.5 / 0.995)), Group("B").CalibrationKl, 10);
        Assert.Equal(1, Find(FigureKind.CalibrationKl, "B").GroupSize);
    }

    [Fact]
    public void OutcomeRates_AreConversionsOverFunnelEventsPerCategory_ViewsIgnored()
    {
        // Electronics: A 1 purchase / 4 carts, B 3 / 4. Books: A 1 / 1, B 0 / 1 (B's view does not count).
        Assert.Equal([1.0, 0.25], Group("A").OutcomeRate);
        Assert.Equal([0.0, 0.75], Group("B").OutcomeRate);
    }

    [Fact]
    public void OutcomeRateRatio_IsOverTheBestGroupOfTheCategory()
    {
        // Electronics: best B (0.75); A 0.25 / 0.75 = 1/3. Books: best A (1); B 0 / 1 = 0.
        var electronics = Find(FigureKind.OutcomeRateRatio, "A", "Electronics");
        Assert.Equal(("B", 1.0 / 3), (electronics.Reference, electronics.Figure));
        Assert.Equal(0.0, Find(FigureKind.OutcomeRateRatio, "B", "Books").Figure);
    }

    [Fact]
    public void ItemSide_MatchesHandComputedPopularityBias()
    {
        // APLT (½ + ½ + ½ + 1) / 4 = 0.625; ARP (6.5 + 8 + 8 + 2) / 4 = 6.125; exposure [3, 2, 2, 1]:
        // sorted [1, 2, 2, 3], Σ (2i − n − 1)·x = −3 − 2 + 2 + 9 = 6, Gini 6 / (4 · 8) = 0.1875;
        // tail items 1, 2, 3 all shown: long-tail coverage 1.
        var side = Report.ItemSide;
        Assert.Equal((3, 0.625, 6.125, 0.1875, 1.0, 1.0), (side.LongTailItemCount, side.Aplt, side.Arp, side.ExposureGini, side.LongTailCoverage, side.CatalogCoverage));
    }

    [Fact]
    public void GroupsBelowTheMinimumSize_AreShownAndNotJudged()
    {
        var report = FairnessAudit.Run(AuditData.HandMade(), [AuditData.Region()], new FairnessThresholds { MinGroupSize = 3 }, AuditData.Options);

        Assert.All(report.Attributes[0].Groups, g => Assert.True(g.TooFewToJudge));
        Assert.Equal(2, report.Attributes[0].Groups.Count);
        Assert.All(report.Findings.Where(f => f.Attribute == "region"), f => Assert.Equal(Verdict.TooFewToJudge, f.Verdict));
    }

    [Fact]
    public void UsersWithUnknownAttribute_AreLeftOutAndCounted()
    {
        var report = FairnessAudit.Run(
            AuditData.HandMade(), [new SensitiveFeature("region", ["A", "B"], [0, 0, 1, -1])], AuditData.SmallGroups, AuditData.Options);

        // B keeps u2 only: P@2 0, slots [0, 1] are both Books.
        Assert.Equal(1, report.Attributes[0].UnknownCount);
        Assert.Equal((1, 0.0), (report.Attributes[0].Groups[1].UserCount, report.Attributes[0].Groups[1].Quality!.Precision));
        Assert.Equal([1.0, 0.0], report.Attributes[0].Groups[1].CategorySlotShare);
    }

    [Fact]
    public void Bootstrap_OneUserGroups_GiveADegenerateIntervalAtTheEstimate()
    {
        // Every resample of a one-user group is that user, so each ratio's interval collapses to the estimate.
        var finding = PerUser().Findings.Single(f => f.Kind == FigureKind.ExposureRatio && f.Group == "0" && f.Category == "Electronics");
        // u0 shows Electronics in 1 of 2 slots; the others in 2 of 6: ratio 1.5.
        Assert.Equal(1.5, finding.Figure, 10);
        Assert.Equal(new ConfidenceInterval(finding.Figure, finding.Figure, 0.95), finding.Interval);
    }

    [Fact]
    public void Bootstrap_IsDeterministicForASeed()
    {
        var again = FairnessAudit.Run(AuditData.HandMade(), [AuditData.Region()], AuditData.SmallGroups, AuditData.Options);

        Assert.Equal(Report.Findings.Select(f => f.Interval), again.Findings.Select(f => f.Interval));
    }

    [Fact]
    public void PercentileInterval_InterpolatesBetweenOrderStatisticsAndSkipsNaN()
    {
        // 50 % interval of 1..5: quantiles 0.25 and 0.75 at positions 1 and 3 of the sorted values.
        Assert.Equal(new ConfidenceInterval(2, 4, 0.5), FairnessAudit.PercentileInterval([5, double.NaN, 1, 4, 2, 3], 0.5));
        Assert.Equal(new ConfidenceInterval(1.5, 2.5, 0.5), FairnessAudit.PercentileInterval([1, 2, 3], 0.5));
    }

    [Fact]
    public void BestGroup_IsChosenAmongGroupsLargeEnoughToJudge()
    {
        // X = {u0, u1} has NDCG 0.693; the one-user group Z = {u3} scores 1 but is below the minimum of 2.
        var report = FairnessAudit.Run(
            AuditData.HandMade(), [new SensitiveFeature("tier", ["X", "Y", "Z"], [0, 0, 1, 2])], new FairnessThresholds { MinGroupSize = 2 }, AuditData.Options);

        var z = report.Findings.Single(f => f.Kind == FigureKind.QualityRatio && f.Metric == "NDCG@2" && f.Group == "Z");
        Assert.Equal(("X", Verdict.TooFewToJudge), (z.Reference, z.Verdict));
    }

    [Fact]
    public void SingleGroupAttribute_HasNoOthersToCompareExposureWith()
    {
        var report = FairnessAudit.Run(
            AuditData.HandMade(), [new SensitiveFeature("all", ["everyone"], [0, 0, 0, 0])], AuditData.SmallGroups, AuditData.Options);

        Assert.DoesNotContain(report.Findings, f => f.Kind == FigureKind.ExposureRatio);
    }

    [Fact]
    public void Run_AttributeNotCoveringEveryUser_Throws()
    {
        Assert.Throws<ArgumentException>(() => FairnessAudit.Run(
            AuditData.HandMade(), [new SensitiveFeature("region", ["A", "B"], [0, 0, 1])], AuditData.SmallGroups, AuditData.Options));
    }
}
