using System.Globalization;
using Dashboard.Recommender.Evaluation;

namespace Dashboard.Recommender.Fairness;

/// <summary>The figures and findings of one attribute, from its <see cref="GroupSums"/>; see <see cref="FairnessAudit"/>.</summary>
internal sealed class AttributeAuditor(
    FairnessAuditInput input,
    SensitiveFeature attribute,
    UserFeatures features,
    GroupSums sums,
    bool[] isTail,
    FairnessThresholds thresholds,
    FairnessAuditOptions options,
    List<Finding> findings)
{
    private readonly int _groupCount = attribute.Groups.Count;
    private readonly int _categoryCount = input.Categories.CategoryCount;
    private readonly double[] _ratios = new double[options.Resamples];

    public AttributeAudit Run()
    {
        var lists = new List<int[]>[_groupCount];
        var evaluated = new List<UserListMetrics>(input.Users.Count);
        for (var g = 0; g < _groupCount; g++)
        {
            lists[g] = [];
        }

        var unknown = 0;
        foreach (var u in input.Users)
        {
            var g = attribute.GroupOfUser[u.User];
            if (g < 0)
            {
                unknown++;
                continue;
            }

            lists[g].Add(u.List);
            evaluated.Add(u);
        }

        var quality = new Dictionary<string, GroupMetrics>(StringComparer.Ordinal);
        foreach (var m in GroupReport.Create(evaluated, user => attribute.Groups[attribute.GroupOfUser[user]]).Groups)
        {
            quality.Add(m.Group, m);
        }

        double totalSlots = 0;
        for (var g = 0; g < _groupCount; g++)
        {
            totalSlots += sums.Point[g][UserFeatures.Slots];
        }

        var groups = new List<GroupFigures>(_groupCount);
        for (var g = 0; g < _groupCount; g++)
        {
            var p = sums.Point[g];
            var shares = new double[_categoryCount];
            var rates = new double[_categoryCount];
            for (var c = 0; c < _categoryCount; c++)
            {
                shares[c] = Divide(p[UserFeatures.SlotsIn(c)], p[UserFeatures.Slots]);
                rates[c] = Divide(p[features.ConversionsIn(c)], p[features.FunnelIn(c)]);
            }

            var users = (int)p[UserFeatures.Evaluated];
            groups.Add(new GroupFigures(
                attribute.Groups[g],
                users,
                users < thresholds.MinGroupSize,
                quality.GetValueOrDefault(attribute.Groups[g]),
                Divide(p[UserFeatures.Slots], totalSlots),
                BeyondAccuracyMetrics.CatalogCoverage(lists[g], input.Popularity.Length),
                BeyondAccuracyMetrics.AverageRecommendationPopularity(lists[g], input.Popularity),
                BeyondAccuracyMetrics.AverageLongTailShare(lists[g], isTail),
                Divide(p[UserFeatures.KlSum], p[UserFeatures.KlCount]),
                shares,
                (int)p[UserFeatures.HasFunnel],
                rates));
        }

        QualityFindings(UserFeatures.Precision, "P@");
        QualityFindings(UserFeatures.Recall, "Recall@");
        QualityFindings(UserFeatures.Ndcg, "NDCG@");
        ExposureFindings();
        CalibrationFindings();
        if (input.Outcomes is { } outcomes)
        {
            OutcomeFindings(outcomes);
        }

        return new AttributeAudit(attribute.Name, groups, unknown);
    }

    private void QualityFindings(int metric, string label)
    {
        var name = label + options.K.ToString(CultureInfo.InvariantCulture);
        var best = Best(g => Divide(sums.Point[g][metric], sums.Point[g][UserFeatures.Evaluated]), UserFeatures.Evaluated);
        if (best < 0)
        {
            return;
        }

        for (var g = 0; g < _groupCount; g++)
        {
            var size = sums.Point[g][UserFeatures.Evaluated];
            if (size == 0)
            {
                continue;
            }

            var value = Mean(sums.Point[g], metric);
            var reference = Mean(sums.Point[best], metric);
            for (var b = 0; b < options.Resamples; b++)
            {
                _ratios[b] = Divide(Mean(sums.Of(g, b), metric), Mean(sums.Of(best, b), metric));
            }

            Add(FigureKind.QualityRatio, name, g, null, (int)size, attribute.Groups[best], (int)sums.Point[best][UserFeatures.Evaluated],
                value, reference, thresholds.Ratio, size < thresholds.MinGroupSize);
        }
    }

    private void ExposureFindings()
    {
        var others = new double[features.Dimension];
        var resampledOthers = new double[features.Dimension];
        for (var g = 0; g < _groupCount; g++)
        {
            var own = sums.Point[g];
            if (own[UserFeatures.Slots] == 0)
            {
                continue;
            }

            Array.Clear(others);
            for (var h = 0; h < _groupCount; h++)
            {
                if (h != g)
                {
                    AddInto(others, sums.Point[h]);
                }
            }

            if (others[UserFeatures.Slots] == 0)
            {
                continue;
            }

            for (var c = 0; c < _categoryCount; c++)
            {
                var slots = UserFeatures.SlotsIn(c);
                if (own[slots] == 0 && others[slots] == 0)
                {
                    continue;
                }

                for (var b = 0; b < options.Resamples; b++)
                {
                    Array.Clear(resampledOthers);
                    for (var h = 0; h < _groupCount; h++)
                    {
                        if (h != g)
                        {
                            AddInto(resampledOthers, sums.Of(h, b));
                        }
                    }

                    var mine = sums.Of(g, b);
                    _ratios[b] = Divide(
                        Divide(mine[slots], mine[UserFeatures.Slots]),
                        Divide(resampledOthers[slots], resampledOthers[UserFeatures.Slots]));
                }

                var size = (int)own[UserFeatures.Evaluated];
                var otherSize = (int)others[UserFeatures.Evaluated];
                Add(FigureKind.ExposureRatio, "share of slots", g, input.Categories.Names[c], size, "the others", otherSize,
                    own[slots] / own[UserFeatures.Slots], others[slots] / others[UserFeatures.Slots], thresholds.Exposure,
                    size < thresholds.MinGroupSize || otherSize < thresholds.MinGroupSize);
            }
        }
    }

    private void CalibrationFindings()
    {
        for (var g = 0; g < _groupCount; g++)
        {
            var p = sums.Point[g];
            if (p[UserFeatures.KlCount] == 0)
            {
                continue;
            }

            var kl = p[UserFeatures.KlSum] / p[UserFeatures.KlCount];
            var size = (int)p[UserFeatures.KlCount];
            findings.Add(new Finding(
                FigureKind.CalibrationKl, "mean calibration KL", attribute.Name, attribute.Groups[g], null, size, "", 0,
                kl, double.NaN, kl, null, thresholds.CalibrationKl,
                size < thresholds.MinGroupSize ? Verdict.TooFewToJudge : thresholds.CalibrationKl.Judge(kl, null, thresholds.WarnMargin)));
        }
    }

    private void OutcomeFindings(OutcomeEvents outcomes)
    {
        var name = outcomes.ConversionName + " per " + outcomes.FunnelName;
        for (var c = 0; c < _categoryCount; c++)
        {
            var funnel = features.FunnelIn(c);
            var conversions = features.ConversionsIn(c);
            var best = Best(g => Divide(sums.Point[g][conversions], sums.Point[g][funnel]), UserFeatures.HasFunnel);
            if (best < 0)
            {
                continue;
            }

            for (var g = 0; g < _groupCount; g++)
            {
                var p = sums.Point[g];
                if (p[funnel] == 0)
                {
                    continue;
                }

                for (var b = 0; b < options.Resamples; b++)
                {
                    var mine = sums.Of(g, b);
                    var theirs = sums.Of(best, b);
                    _ratios[b] = Divide(Divide(mine[conversions], mine[funnel]), Divide(theirs[conversions], theirs[funnel]));
                }

                var size = (int)p[UserFeatures.HasFunnel];
                Add(FigureKind.OutcomeRateRatio, name, g, input.Categories.Names[c], size, attribute.Groups[best],
                    (int)sums.Point[best][UserFeatures.HasFunnel], p[conversions] / p[funnel],
                    sums.Point[best][conversions] / sums.Point[best][funnel], thresholds.Ratio, size < thresholds.MinGroupSize);
            }
        }
    }

    /// <summary>The group with the highest finite value among those large enough to judge, else among all; −1 when none has a value.</summary>
    private int Best(Func<int, double> value, int sizeFeature)
    {
        var best = BestAmong(value, sizeFeature, thresholds.MinGroupSize);
        return best >= 0 ? best : BestAmong(value, sizeFeature, 1);
    }

    private int BestAmong(Func<int, double> value, int sizeFeature, int minimumSize)
    {
        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var g = 0; g < _groupCount; g++)
        {
            var v = value(g);
            if (sums.Point[g][sizeFeature] >= minimumSize && double.IsFinite(v) && v > bestValue)
            {
                best = g;
                bestValue = v;
            }
        }

        return best;
    }

    /// <summary>Adds a ratio finding from the point values and the resampled ratios left in <see cref="_ratios"/>.</summary>
    private void Add(
        FigureKind kind, string metric, int group, string? category, int size, string reference, int referenceSize,
        double value, double referenceValue, FairnessThreshold threshold, bool tooFew)
    {
        var ratio = Divide(value, referenceValue);
        var interval = FairnessAudit.PercentileInterval(_ratios, options.ConfidenceLevel);
        var verdict = tooFew ? Verdict.TooFewToJudge : threshold.Judge(ratio, interval, thresholds.WarnMargin);
        findings.Add(new Finding(
            kind, metric, attribute.Name, attribute.Groups[group], category, size, reference, referenceSize,
            value, referenceValue, ratio, interval, threshold, verdict));
    }

    private static double Mean(ReadOnlySpan<double> s, int metric) => Divide(s[metric], s[UserFeatures.Evaluated]);

    private static double Divide(double numerator, double denominator) => denominator == 0 ? double.NaN : numerator / denominator;

    private static void AddInto(Span<double> target, ReadOnlySpan<double> source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
