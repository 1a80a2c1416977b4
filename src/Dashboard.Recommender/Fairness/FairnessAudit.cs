using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Fairness;

/// <summary>
/// The engine part of a bias audit: for each sensitive attribute and group, quality parity (P, Recall
/// and NDCG at k over the best group), exposure (slot share, coverage, popularity, long-tail share and
/// per category the group's share of slots over the other groups' share: the disparate-impact ratio),
/// calibration (mean KL of Steck, 2018), the outcome rates of the training data per category over the
/// best group's, the item side (APLT, ARP, exposure Gini, long-tail coverage), and a judged
/// <see cref="Finding"/> for every ratio, KL and the Gini. Ratios carry percentile-bootstrap intervals
/// from resampling users within each group. The best group is chosen among groups large enough to
/// judge (among all when none is), so a handful of lucky users cannot become the yardstick. Groups
/// below the minimum size keep their figures and are marked too few to judge. Deterministic for a seed.
/// </summary>
public static class FairnessAudit
{
    public static FairnessReport Run(
        FairnessAuditInput input,
        IReadOnlyList<SensitiveFeature> attributes,
        FairnessThresholds? thresholds = null,
        FairnessAuditOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(attributes);
        thresholds ??= new FairnessThresholds();
        options ??= new FairnessAuditOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Resamples, 1);
        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The confidence level must be strictly between 0 and 1.");
        }

        var itemCount = input.Popularity.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(itemCount, 1);
        var features = UserFeatures.Build(input, options.CalibrationAlpha);
        var isTail = LongTail.Classify(input.Popularity, options.HeadShare);

        var findings = new List<Finding>();
        var audits = new List<AttributeAudit>(attributes.Count);
        for (var a = 0; a < attributes.Count; a++)
        {
            var attribute = attributes[a];
            Validate(attribute, input.UserCount);
            var sums = GroupSums.Compute(features, attribute, a, options.Resamples, options.Seed);
            audits.Add(new AttributeAuditor(input, attribute, features, sums, isTail, thresholds, options, findings).Run());
        }

        var allLists = new List<int[]>(input.Users.Count);
        foreach (var u in input.Users)
        {
            allLists.Add(u.List);
        }

        var itemSide = ItemSide(allLists, input.Popularity, isTail);
        findings.Add(new Finding(
            FigureKind.ExposureGini, "exposure Gini", "", "", null, input.Users.Count, "", 0,
            itemSide.ExposureGini, double.NaN, itemSide.ExposureGini, null, thresholds.ExposureGini,
            input.Users.Count < thresholds.MinGroupSize
                ? Verdict.TooFewToJudge
                : thresholds.ExposureGini.Judge(itemSide.ExposureGini, null, thresholds.WarnMargin)));

        return new FairnessReport(audits, itemSide, findings, input.Categories.Names);
    }

    /// <summary>
    /// Percentile interval of the finite <paramref name="values"/> at <paramref name="level"/>, with
    /// linear interpolation between order statistics; null when none is finite.
    /// </summary>
    public static ConfidenceInterval? PercentileInterval(ReadOnlySpan<double> values, double level)
    {
        var finite = new double[values.Length];
        var n = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                finite[n++] = v;
            }
        }

        if (n == 0)
        {
            return null;
        }

        Array.Sort(finite, 0, n);
        var tail = (1 - level) / 2;
        return new ConfidenceInterval(Quantile(finite.AsSpan(0, n), tail), Quantile(finite.AsSpan(0, n), 1 - tail), level);
    }

    private static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static ItemSideFigures ItemSide(List<int[]> lists, int[] popularity, bool[] isTail)
    {
        var itemCount = popularity.Length;
        var shown = new bool[itemCount];
        foreach (var list in lists)
        {
            foreach (var item in list)
            {
                if ((uint)item < (uint)itemCount)
                {
                    shown[item] = true;
                }
            }
        }

        int tail = 0, tailShown = 0;
        for (var i = 0; i < itemCount; i++)
        {
            if (isTail[i])
            {
                tail++;
                tailShown += shown[i] ? 1 : 0;
            }
        }

        return new ItemSideFigures(
            itemCount,
            tail,
            BeyondAccuracyMetrics.AverageLongTailShare(lists, isTail),
            BeyondAccuracyMetrics.AverageRecommendationPopularity(lists, popularity),
            BeyondAccuracyMetrics.ExposureGini(lists, itemCount),
            tail == 0 ? double.NaN : (double)tailShown / tail,
            BeyondAccuracyMetrics.CatalogCoverage(lists, itemCount));
    }

    private static void Validate(SensitiveFeature attribute, int userCount)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        if (attribute.GroupOfUser.Length != userCount)
        {
            throw new ArgumentException($"Attribute '{attribute.Name}' covers {attribute.GroupOfUser.Length} users, expected {userCount}.", nameof(attribute));
        }

        if (new HashSet<string>(attribute.Groups, StringComparer.Ordinal).Count != attribute.Groups.Count)
        {
            throw new ArgumentException($"Attribute '{attribute.Name}' has duplicate group names.", nameof(attribute));
        }

        foreach (var g in attribute.GroupOfUser)
        {
            if (g < -1 || g >= attribute.Groups.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(attribute), $"Group {g} outside [-1, {attribute.Groups.Count}) in '{attribute.Name}'.");
            }
        }
    }
}
