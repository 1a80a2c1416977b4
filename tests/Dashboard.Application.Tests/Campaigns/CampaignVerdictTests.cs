using Dashboard.Application.Campaigns;
using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Tests.Campaigns;

/// <summary>The horizons are <see cref="CampaignStatsTests"/>' known sample sizes; the p-values were computed in Python.</summary>
public sealed class CampaignVerdictTests
{
    private static CampaignResultsArm Arm(string name, long impressions, long clicks, long conversions = 0) =>
        new(Guid.NewGuid(), name, "Default", 50, impressions / 10, impressions, clicks, conversions,
            CampaignResultsRate.Of(clicks, impressions), CampaignResultsRate.Of(conversions, impressions), []);

    [Fact]
    public void OneArm_IsNotAnExperiment()
    {
        var verdict = CampaignVerdict.Decide(CampaignGoal.Clicks, [Arm("A", 50_000, 5_000)]);

        Assert.Equal((CampaignResultsVerdictKind.NotAnExperiment, (long?)null), (verdict.Kind, verdict.RequiredImpressionsPerArm));
    }

    [Fact]
    public void BeforeEveryArmReachesTheHorizon_NamesNoWinnerAndSaysWhatEachArmHas()
    {
        var verdict = CampaignVerdict.Decide(CampaignGoal.Clicks, [Arm("A", 10_000, 1_000), Arm("B", 20_000, 3_000)]);

        Assert.Equal((CampaignResultsVerdictKind.Collecting, 14_751L), (verdict.Kind, verdict.RequiredImpressionsPerArm));
        Assert.StartsWith("No verdict yet: each arm needs 14,751 impressions (enough to detect a 10 % relative change in CTR from arm A's 10.0 % with 80 % power", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("; arm A has 10,000, arm B has 20,000. ", verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void ThreeArms_ShareAlphaBetweenTwoComparisons()
    {
        var verdict = CampaignVerdict.Decide(CampaignGoal.Clicks, [Arm("A", 100, 10), Arm("B", 100, 10), Arm("C", 100, 10)]);

        Assert.Equal(17_864L, verdict.RequiredImpressionsPerArm);
    }

    [Fact]
    public void AFirstArmWithoutImpressions_PlansFromTheOnePercentFloor()
    {
        var verdict = CampaignVerdict.Decide(CampaignGoal.Clicks, [Arm("A", 0, 0), Arm("B", 0, 0)]);

        Assert.Equal((163_095L, 0.01), (verdict.RequiredImpressionsPerArm!.Value, verdict.BaselineRate!.Value));
        Assert.Contains("from an assumed 1.0 % (arm A has no impressions yet)", verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void AtTheHorizon_AClearDifferenceIsNamedWithItsChance()
    {
        var verdict = CampaignVerdict.Decide(CampaignGoal.Clicks, [Arm("A", 15_000, 1_500), Arm("B", 15_000, 1_800)]);

        var comparison = Assert.Single(verdict.Comparisons);
        Assert.Equal((CampaignResultsVerdictKind.Difference, 5.535658388), (verdict.Kind, Math.Round(comparison.Z, 9)));
        Assert.StartsWith("Arm B's CTR is higher than arm A's (12.0 % against arm A's 10.0 %, 20.0 % relative): a difference this large would arise by chance less than once in 1,000.",
            verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void AtTheHorizon_ASmallDifferenceIsNotAVerdict()
    {
        var verdict = CampaignVerdict.Decide(CampaignGoal.Clicks, [Arm("A", 15_000, 1_500), Arm("B", 15_000, 1_520)]);

        Assert.Equal(CampaignResultsVerdictKind.NoClearDifference, verdict.Kind);
        Assert.StartsWith("Arm B's CTR does not differ clearly from arm A's (10.1 % against arm A's 10.0 %): a difference this large would arise by chance about 70 times in 100.",
            verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void Bonferroni_KeepsARawPOfThreePercentFromWinningAmongTwoComparisons()
    {
        // Raw p 0.0319 (z 2.146) is below 0.05, but with two comparisons each must be below 0.025.
        var verdict = CampaignVerdict.Decide(CampaignGoal.Clicks, [Arm("A", 18_000, 1_800), Arm("B", 18_000, 1_924), Arm("C", 18_000, 1_800)]);

        var b = verdict.Comparisons[0];
        Assert.Equal((CampaignResultsVerdictKind.NoClearDifference, 0.0319, 0.0637, false),
            (verdict.Kind, Math.Round(b.PValue, 4), Math.Round(b.AdjustedPValue, 4), b.Significant));
    }

    [Fact]
    public void AConversionsGoal_IsJudgedOnTheConversionRate()
    {
        var verdict = CampaignVerdict.Decide(CampaignGoal.Conversions, [Arm("A", 15_000, 1_500, conversions: 1_500), Arm("B", 15_000, 1_500, conversions: 1_800)]);

        Assert.Equal(CampaignResultsVerdictKind.Difference, verdict.Kind);
        Assert.StartsWith("Arm B's conversion rate is higher than arm A's", verdict.Sentence, StringComparison.Ordinal);
    }
}
