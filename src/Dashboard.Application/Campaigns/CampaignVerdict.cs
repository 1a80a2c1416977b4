using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.Metrics;
using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// The A/B verdict on a campaign's goal rate, fixed-horizon with no peeking: before every arm has the impressions
/// the test needs (<see cref="RequiredImpressionsPerArm"/>), no winner is named, because reading a z-test again and
/// again as data arrives finds a "winner" by chance far more often than 5 % of the time. At the horizon, each arm is
/// compared with the first arm by a two-proportion z-test, Bonferroni-corrected for the number of comparisons.
/// </summary>
/// <param name="BaselineRate">The first arm's goal rate the horizon was computed from (after the floor and cap).</param>
public sealed record CampaignVerdict(
    CampaignResultsVerdictKind Kind,
    string Sentence,
    long? RequiredImpressionsPerArm,
    double? BaselineRate,
    IReadOnlyList<CampaignResultsComparison> Comparisons)
{
    /// <summary>The smallest relative change the test is sized to find: 10 % (e.g. a CTR of 5.0 % against 5.5 %).</summary>
    public const double RelativeLift = 0.10;

    /// <summary>Two-sided significance level over all comparisons together.</summary>
    public const double Alpha = 0.05;

    public const double Power = 0.80;

    /// <summary>
    /// The least baseline rate the horizon is computed from: before the first arm has impressions its rate is 0, which
    /// needs infinitely many, and below 1 % the horizon runs past 160,000 impressions per arm for a 10 % lift.
    /// </summary>
    public const double MinimumBaseline = 0.01;

    /// <summary>The highest: a 10 % lift on a rate above 90 % would pass 100 %.</summary>
    public const double MaximumBaseline = 0.90;

    public static CampaignVerdict Decide(CampaignGoal goal, IReadOnlyList<CampaignResultsArm> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count < 2)
        {
            return new CampaignVerdict(CampaignResultsVerdictKind.NotAnExperiment,
                "Not an A/B test: the campaign has one arm, so there is nothing to compare; the figures show how it does.", null, null, []);
        }

        var metric = goal == CampaignGoal.Conversions ? "conversion rate" : "CTR";
        var first = arms[0];
        var observed = Rate(goal, first).Value;
        var baseline = Math.Clamp(observed ?? 0, MinimumBaseline, MaximumBaseline);
        var comparisons = arms.Count - 1;
        var required = CampaignStats.MinimumSampleSize(baseline, RelativeLift, Alpha, Power, comparisons);
        var plan = string.Create(CultureInfo.InvariantCulture,
            $"enough to detect a 10 % relative change in {metric} from {BaselineText(first, observed, baseline)} with 80 % power, two-sided α 0.05 " +
            $"shared by {PlainWords.Counted(comparisons, "comparison")} with arm {first.Name} (Bonferroni)");

        if (arms.Any(a => a.Impressions < required))
        {
            var counts = string.Join(", ", arms.Select(a => $"arm {a.Name} has {a.Impressions.ToString("N0", CultureInfo.InvariantCulture)}"));
            return new CampaignVerdict(CampaignResultsVerdictKind.Collecting,
                string.Create(CultureInfo.InvariantCulture,
                    $"No verdict yet: each arm needs {required:N0} impressions ({plan}); {counts}. ") +
                "The test is read once, when every arm has them: looking earlier would name a winner by chance too often.",
                required, baseline, []);
        }

        var results = arms.Skip(1).Select(arm => Compare(goal, first, arm, comparisons)).ToList();
        var sentences = results.Select(c => Describe(metric, first.Name, c));
        var method = string.Create(CultureInfo.InvariantCulture,
            $"(Two-proportion z-test at the fixed horizon of {required:N0} impressions per arm, {plan}{(comparisons > 1 ? "; chances adjusted for the comparisons" : string.Empty)}.)");
        return new CampaignVerdict(
            results.Any(c => c.Significant) ? CampaignResultsVerdictKind.Difference : CampaignResultsVerdictKind.NoClearDifference,
            string.Join(" ", sentences) + " " + method, required, baseline, results);
    }

    private static CampaignResultsRate Rate(CampaignGoal goal, CampaignResultsArm arm) => goal == CampaignGoal.Conversions ? arm.ConversionRate : arm.Ctr;

    private static string BaselineText(CampaignResultsArm first, double? observed, double baseline) => observed switch
    {
        null => $"an assumed {CampaignResultsText.Percent(baseline)} (arm {first.Name} has no impressions yet)",
        _ when observed.Value < MinimumBaseline => $"{CampaignResultsText.Percent(baseline)} (arm {first.Name}'s {CampaignResultsText.Percent(observed.Value)} is below the 1 % floor)",
        _ when observed.Value > MaximumBaseline => $"{CampaignResultsText.Percent(baseline)} (arm {first.Name}'s {CampaignResultsText.Percent(observed.Value)} is above the 90 % cap)",
        _ => $"arm {first.Name}'s {CampaignResultsText.Percent(baseline)}",
    };

    private static CampaignResultsComparison Compare(CampaignGoal goal, CampaignResultsArm first, CampaignResultsArm arm, int comparisons)
    {
        var a = Rate(goal, first);
        var b = Rate(goal, arm);
        var (z, p) = CampaignStats.TwoProportionZTest(a.Successes, a.Trials, b.Successes, b.Trials);
        var adjusted = Math.Min(1, p * comparisons);
        return new CampaignResultsComparison(arm.Name, b.Value!.Value, a.Value!.Value, z, p, adjusted, adjusted < Alpha);
    }

    private static string Describe(string metric, string firstName, CampaignResultsComparison c)
    {
        var chance = $"a difference this large would arise by chance {SignificanceText.Chance(c.AdjustedPValue)}";
        var rates = $"{CampaignResultsText.Percent(c.Rate)} against arm {firstName}'s {CampaignResultsText.Percent(c.BaselineRate)}";
        if (!c.Significant)
        {
            return $"Arm {c.ArmName}'s {metric} does not differ clearly from arm {firstName}'s ({rates}): {chance}.";
        }

        var direction = c.Rate > c.BaselineRate ? "higher" : "lower";
        var lift = c.BaselineRate > 0 ? $", {CampaignResultsText.Percent(Math.Abs(c.Rate - c.BaselineRate) / c.BaselineRate)} relative" : string.Empty;
        return $"Arm {c.ArmName}'s {metric} is {direction} than arm {firstName}'s ({rates}{lift}): {chance}.";
    }
}
