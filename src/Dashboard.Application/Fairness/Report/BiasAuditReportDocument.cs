using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.Reports;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using Dashboard.Recommender.Fairness;

namespace Dashboard.Application.Fairness.Report;

/// <summary>
/// Lays out one bias audit as a document a compliance officer can file: what was audited and what it concluded,
/// the sign-off, the thresholds it was judged by (as stored with the audit, not today's), the failures and warnings
/// in sentences (blocking failures first), per attribute a quality chart and an exposure chart with their threshold
/// lines and the figures of every group with its size, the item side, and every judged figure at the end.
/// </summary>
public static class BiasAuditReportDocument
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static ReportDocument From(BiasAuditReportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var audit = source.Audit;
        var document = BiasAuditDocument.FromJson(audit.ReportJson);
        var thresholds = FairnessThresholdsJson.FromJson(audit.ThresholdsJson);
        var report = document.Report;
        var explained = document.Explained.Select(e => (e.Finding, Sentence: Sized(e.Finding, e.Sentence, source.ExactSizes))).ToList();

        var blocks = new List<ReportBlock> { new ReportHeading("Summary") };
        blocks.Add(new ReportParagraph(
            $"Version {N(audit.VersionNumber)} of the blend “{source.BlendName}” was audited on {UtcText.Format(audit.CreatedAtUtc)} "
            + $"{(audit.RequestedBy is { Length: > 0 } who ? $"at the request of {who}" : "after its training")}, over "
            + $"{EvaluatedEndUsers(audit.EvaluatedEndUsers, source.ExactSizes)} and the attributes {audit.Attributes}."));
        blocks.Add(new ReportParagraph(Outcome(audit)));
        blocks.Add(new ReportTable(["About this audit", ""],
        [
            Row("Blend", source.BlendName),
            Row("Version", N(audit.VersionNumber)),
            Row("Audited", UtcText.Format(audit.CreatedAtUtc)),
            Row("Asked for by", audit.RequestedBy ?? "the app, after training"),
            Row("Outcome", PlainWords.Of(audit.Outcome)),
            Row("Blocking failures", N(audit.BlockingFailCount)),
            Row("Failures, blocking ones included", N(audit.FailCount)),
            Row("Warnings", N(audit.WarnCount)),
            Row("Evaluated end-users", GroupSizeText.Describe(audit.EvaluatedEndUsers, source.ExactSizes)),
            Row($"NDCG@{N(document.K)} of the audited lists", Fixed(document.NdcgAt10)),
            Row($"Precision@{N(document.K)} of the audited lists", Fixed(document.PrecisionAt10)),
        ], "No facts."));

        blocks.Add(new ReportHeading("Sign-off"));
        blocks.AddRange(SignOff(source).Select(s => new ReportParagraph(s)));

        blocks.Add(new ReportHeading("Thresholds"));
        blocks.Add(new ReportParagraph("The thresholds in force when this audit ran; a later change of thresholds does not change what it says."));
        blocks.Add(new ReportTable(["Figure", "At least", "At most", "Blocking"],
        [
            ThresholdRow("Quality and outcome-rate ratio to the best group", thresholds.Ratio),
            ThresholdRow("Exposure: a category's share of a group's slots over the others' share", thresholds.Exposure),
            ThresholdRow("Gini coefficient of item exposure", thresholds.ExposureGini),
            ThresholdRow("Mean calibration KL divergence", thresholds.CalibrationKl),
        ], "No thresholds."));
        blocks.Add(new ReportParagraph(
            "A figure is a warning, not a pass or a failure, in two cases. First, when its 95 % confidence interval reaches across "
            + "a bound, whatever the figure itself: the data cannot tell on which side of the bound it lies, so a ratio of 0.66 "
            + "whose interval reaches above 0.8 is a warning. Second, when it passes but lies within "
            + $"{Percent(thresholds.WarnMargin)} of a bound. Groups with fewer than "
            + $"{PlainWords.Counted(thresholds.MinGroupSize, "evaluated end-user")} are shown but not judged."));

        blocks.Add(new ReportHeading("Findings"));
        blocks.AddRange(Findings(explained));

        foreach (var attribute in report.Attributes)
        {
            blocks.AddRange(Attribute(attribute, report, document, thresholds, source.ExactSizes));
        }

        blocks.Add(new ReportHeading("Item side"));
        blocks.Add(new ReportParagraph("Popularity bias over all audited lists: how far the recommendations lean on the most popular items."));
        var side = report.ItemSide;
        blocks.Add(new ReportTable(["Figure", "Value"],
        [
            Row("Items in the catalogue", N(side.ItemCount)),
            Row("Long-tail items", N(side.LongTailItemCount)),
            Row("Mean share of long-tail items in a list (APLT)", Percent1(side.Aplt)),
            Row("Mean popularity of the recommended items (ARP)", Popularity(side.Arp)),
            Row("Gini coefficient of item exposure", Fixed(side.ExposureGini)),
            Row("Long-tail items shown at least once", Percent1(side.LongTailCoverage)),
            Row("Catalogue items shown at least once", Percent1(side.CatalogCoverage)),
        ], "No figures."));
        blocks.AddRange(explained.Where(e => e.Finding.Kind == FigureKind.ExposureGini).Select(e => new ReportParagraph(e.Sentence)));

        blocks.Add(new ReportHeading("Every judged figure"));
        blocks.Add(new ReportTable(["Verdict", "Figure", "Group", "Value", "Ratio (95 % interval)", "End-users"],
            [.. report.Findings.Select(f => Row(VerdictText(f), What(f), Who(f), Values(f), RatioText(f), Sizes(f, source.ExactSizes)))],
            "The audit judged no figure."));

        return new ReportDocument($"Bias audit: {source.BlendName}, version {N(audit.VersionNumber)}", source.Organisation, source.GeneratedAtUtc, blocks);
    }

    private static string Outcome(BiasAudit audit) => audit.Outcome switch
    {
        BiasAuditOutcome.Passed => "Outcome: passed. Every judged figure is within its thresholds.",
        BiasAuditOutcome.PassedWithWarnings =>
            $"Outcome: passed with {PlainWords.Counted(audit.WarnCount, "warning")}. No figure failed; some are close to a threshold or cannot be told apart from it.",
        BiasAuditOutcome.Failed =>
            $"Outcome: {PlainWords.Counted(audit.FailCount, "failure")} of thresholds that are not blocking. They are reported; the version may still go live.",
        BiasAuditOutcome.BlockingFailure =>
            $"Outcome: {PlainWords.Counted(audit.BlockingFailCount, "blocking failure")}. The version may not go live unless a compliance officer approves it with a written justification.",
        _ => $"Outcome: {PlainWords.Of(audit.Outcome)}.",
    };

    private static IEnumerable<string> SignOff(BiasAuditReportSource source)
    {
        if (source.Version is not { } version)
        {
            yield return "The audited version has since been deleted; its review is no longer kept.";
            yield break;
        }

        yield return version.Review switch
        {
            ReleaseReview.Approved =>
                $"Approved by {version.ReviewedBy ?? "an unknown person"} on {UtcText.Format(version.ReviewedAtUtc, "an unknown date")}, with the justification: “{version.ReviewJustification}”",
            ReleaseReview.Rejected =>
                $"Rejected by {version.ReviewedBy ?? "an unknown person"} on {UtcText.Format(version.ReviewedAtUtc, "an unknown date")}, so it can never go live, with the justification: “{version.ReviewJustification}”",
            ReleaseReview.AwaitingReview => "Waits for a compliance officer: nobody has approved or rejected this version yet, and it cannot go live until then.",
            ReleaseReview.Cleared => "No sign-off was needed: the version's audit found no blocking failure, so it may go live.",
            ReleaseReview.AwaitingAudit => "A newer audit of this version has not finished yet; no decision has been taken.",
            _ => "The version was trained before bias audits existed; no decision has been taken.",
        };

        if (source.DecisionAuditAtUtc is { } at && version.Review is ReleaseReview.Approved or ReleaseReview.Rejected)
        {
            yield return $"The decision was taken on another audit of the same version, run on {UtcText.Format(at)}.";
        }
    }

    private static IEnumerable<ReportBlock> Findings(List<(Finding Finding, string Sentence)> explained)
    {
        var blocking = explained.Where(e => e.Finding.Verdict == Verdict.Fail && e.Finding.Threshold.Blocking).ToList();
        var failing = explained.Where(e => e.Finding.Verdict == Verdict.Fail && !e.Finding.Threshold.Blocking).ToList();
        var warnings = explained.Where(e => e.Finding.Verdict == Verdict.Warn).ToList();
        foreach (var (_, sentence) in blocking)
        {
            yield return new ReportParagraph($"Blocking failure. {sentence}");
        }

        foreach (var (_, sentence) in failing)
        {
            yield return new ReportParagraph($"Failure. {sentence}");
        }

        foreach (var (_, sentence) in warnings)
        {
            yield return new ReportParagraph($"Warning. {sentence}");
        }

        var passed = explained.Count(e => e.Finding.Verdict == Verdict.Pass);
        var notJudged = explained.Count(e => e.Finding.Verdict is Verdict.TooFewToJudge or Verdict.Undefined);
        yield return new ReportParagraph(blocking.Count + failing.Count + warnings.Count == 0
            ? $"Every judged figure is within its thresholds ({PlainWords.Counted(passed, "figure")}); {N(notJudged)} could not be judged. Each is listed at the end."
            : $"{PlainWords.Counted(passed, "other figure")} passed and {N(notJudged)} could not be judged (too few end-users, or no reference); each is listed at the end.");
    }

    private static IEnumerable<ReportBlock> Attribute(AttributeAudit attribute, FairnessReport report, BiasAuditDocument document, FairnessThresholds thresholds, bool exact)
    {
        yield return new ReportHeading($"Groups by {attribute.Attribute}");
        if (document.Generalised.TryGetValue(attribute.Attribute, out var how))
        {
            yield return new ReportParagraph($"Values were generalised before grouping, as the privacy settings ask: {how}.");
        }

        if (attribute.UnknownCount > 0)
        {
            yield return new ReportParagraph($"{EndUsersHave(attribute.UnknownCount, exact)} no recorded {attribute.Attribute}; they are left out of these figures.");
        }

        var findings = report.Findings.Where(f => f.Attribute == attribute.Attribute).ToList();
        var labels = attribute.Groups.Select(g => g.TooFewToJudge ? $"{g.Group} (too few to judge)" : g.Group).ToList();
        var ndcg = $"NDCG@{N(document.K)}";
        yield return new ReportBarChart(
            $"{ndcg} of each group over the best group's",
            labels,
            [new ReportSeries($"{ndcg} ratio", [.. attribute.Groups.Select(g => findings.FirstOrDefault(f => f.Kind == FigureKind.QualityRatio && f.Metric == ndcg && f.Group == g.Group)?.Figure ?? double.NaN)])],
            thresholds.Ratio.Lower,
            thresholds.Ratio.Lower is { } lower ? $"{Bound(lower)} threshold" : null);

        var exposure = findings.Where(f => f.Kind == FigureKind.ExposureRatio).ToList();
        var judged = exposure.Where(f => f.Verdict is not (Verdict.TooFewToJudge or Verdict.Undefined)).ToList();
        if ((judged.Count > 0 ? judged : exposure).Where(f => double.IsFinite(f.Figure)).OrderBy(f => f.Figure).FirstOrDefault() is { Category: { } worst })
        {
            yield return new ReportBarChart(
                $"Share of {worst} in each group's slots over the other groups' share (the category with the lowest ratio)",
                labels,
                [new ReportSeries("Exposure ratio", [.. attribute.Groups.Select(g => exposure.FirstOrDefault(f => f.Category == worst && f.Group == g.Group)?.Figure ?? double.NaN)])],
                thresholds.Exposure.Lower,
                thresholds.Exposure.Lower is { } rule ? $"{Bound(rule)} threshold (four-fifths rule at 0.8)" : null);
        }

        foreach (var chart in OutcomeCharts(attribute, findings, thresholds, exact))
        {
            yield return chart;
        }

        yield return new ReportTable(["Group", "End-users", $"P@{N(document.K)}", $"Recall@{N(document.K)}", ndcg, $"{ndcg} ratio", "Verdict"],
            [.. attribute.Groups.Select(g =>
            {
                var ratio = findings.FirstOrDefault(f => f.Kind == FigureKind.QualityRatio && f.Metric == ndcg && f.Group == g.Group);
                return Row(g.Group, GroupSizeText.Describe(g.UserCount, exact), Fixed(g.Quality?.Precision), Fixed(g.Quality?.Recall), Fixed(g.Quality?.Ndcg),
                    ratio is null ? "–" : Ratio(ratio.Figure), ratio is null ? "–" : VerdictText(ratio));
            })],
            "No groups.");
        yield return new ReportTable(["Group", "End-users", "Share of slots", "Catalogue coverage", "Mean popularity", "Long-tail share", "Calibration KL"],
            [.. attribute.Groups.Select(g => Row(g.Group, GroupSizeText.Describe(g.UserCount, exact), GroupSizeText.Share(g.SlotShare, exact), Percent1(g.CatalogCoverage),
                Popularity(g.MeanPopularity), Percent1(g.LongTailShare), Fixed(g.CalibrationKl)))],
            "No groups.");
    }

    /// <summary>
    /// Outcome rates in the training data get a chart for every category and figure with a blocking failure, else for
    /// the category with the lowest judged ratio, so a planted bias there is seen and not only read. Each group is
    /// labelled with its end-users with funnel events, the users the rate counts.
    /// </summary>
    private static IEnumerable<ReportBarChart> OutcomeCharts(AttributeAudit attribute, List<Finding> findings, FairnessThresholds thresholds, bool exact)
    {
        var outcome = findings.Where(f => f.Kind == FigureKind.OutcomeRateRatio && f.Category is not null).ToList();
        var charted = outcome.Where(f => f.Verdict == Verdict.Fail && f.Threshold.Blocking).Select(f => (f.Metric, Category: f.Category!)).Distinct().ToList();
        if (charted.Count == 0
            && outcome.Where(f => f.Verdict is not (Verdict.TooFewToJudge or Verdict.Undefined) && double.IsFinite(f.Figure)).OrderBy(f => f.Figure).FirstOrDefault() is { } worst)
        {
            charted.Add((worst.Metric, worst.Category!));
        }

        var labels = attribute.Groups
            .Select(g => $"{g.Group} ({GroupSizeText.Describe(g.OutcomeUserCount, exact)} end-users){(g.TooFewToJudge ? ", too few to judge" : string.Empty)}")
            .ToList();
        foreach (var (metric, category) in charted)
        {
            yield return new ReportBarChart(
                $"{metric} in {category} in the training data, each group's rate over the best group's (end-users with funnel events)",
                labels,
                [new ReportSeries("Outcome-rate ratio", [.. attribute.Groups.Select(g =>
                    outcome.FirstOrDefault(f => f.Metric == metric && f.Category == category && f.Group == g.Group)?.Figure ?? double.NaN)])],
                thresholds.Ratio.Lower,
                thresholds.Ratio.Lower is { } lower ? $"{Bound(lower)} threshold" : null);
        }
    }

    /// <summary>
    /// The stored sentence ends with the exact group sizes; a caller who may not see them gets the size bands instead,
    /// written the same way.
    /// </summary>
    public static string Sized(Finding finding, string sentence, bool exact)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(sentence);
        if (exact)
        {
            return sentence;
        }

        var (stored, banded) = finding.Kind switch
        {
            FigureKind.ExposureRatio or FigureKind.QualityRatio or FigureKind.OutcomeRateRatio =>
                ($" ({N(finding.GroupSize)} end-users against {N(finding.ReferenceSize)}).",
                 $" ({GroupSizeText.Describe(finding.GroupSize, false)} end-users against {GroupSizeText.Describe(finding.ReferenceSize, false)})."),
            FigureKind.CalibrationKl => ($" ({N(finding.GroupSize)} end-users).", $" ({GroupSizeText.Describe(finding.GroupSize, false)} end-users)."),
            FigureKind.ExposureGini => ($" ({N(finding.GroupSize)} end-users' lists).", $" ({GroupSizeText.Describe(finding.GroupSize, false)} end-users' lists)."),
            _ => (string.Empty, string.Empty),
        };
        return stored.Length > 0 && sentence.EndsWith(stored, StringComparison.Ordinal) ? sentence[..^stored.Length] + banded : sentence;
    }

    /// <summary>
    /// The audit's total in bands for those who may not see exact sizes: with a group's share of slots, the exact
    /// total would give the group's size back.
    /// </summary>
    private static string EvaluatedEndUsers(int endUsers, bool exact) => exact
        ? PlainWords.Counted(endUsers, "evaluated end-user")
        : $"{GroupSizeText.Describe(endUsers, false)} evaluated end-users";

    /// <summary>"12 evaluated end-users have" or, in bands, "Fewer than 30 evaluated end-users have", to start a sentence.</summary>
    private static string EndUsersHave(int endUsers, bool exact) => exact
        ? $"{PlainWords.Counted(endUsers, "evaluated end-user")} {(endUsers == 1 ? "has" : "have")}"
        : $"{char.ToUpperInvariant(GroupSizeText.Describe(endUsers, false)[0])}{GroupSizeText.Describe(endUsers, false)[1..]} evaluated end-users have";

    private static string VerdictText(Finding f) => f.Verdict switch
    {
        Verdict.Fail => f.Threshold.Blocking ? "Fail (blocking)" : "Fail",
        Verdict.TooFewToJudge => "Too few to judge",
        Verdict.Undefined => "Not defined",
        _ => f.Verdict.ToString(),
    };

    private static string What(Finding f) => f.Kind switch
    {
        FigureKind.ExposureRatio => $"Exposure of {f.Category}",
        FigureKind.OutcomeRateRatio => $"{f.Metric} in {f.Category} (training data)",
        FigureKind.QualityRatio => f.Metric,
        _ => f.Metric.Length == 0 ? f.Metric : char.ToUpperInvariant(f.Metric[0]) + f.Metric[1..],
    };

    private static string Who(Finding f) => f.Kind switch
    {
        FigureKind.ExposureGini => "all end-users",
        FigureKind.CalibrationKl => $"{f.Attribute} {f.Group}",
        _ => $"{f.Attribute} {f.Group} against {f.Reference}",
    };

    private static string Values(Finding f) => f.Kind switch
    {
        FigureKind.ExposureRatio or FigureKind.OutcomeRateRatio => $"{Percent(f.Value)} against {Percent(f.ReferenceValue)}",
        FigureKind.QualityRatio => $"{Fixed(f.Value)} against {Fixed(f.ReferenceValue)}",
        _ => Fixed(f.Figure),
    };

    private static string RatioText(Finding f) => f.Kind is FigureKind.CalibrationKl or FigureKind.ExposureGini
        ? "–"
        : f.Interval is { } ci ? $"{Ratio(f.Figure)} ({Ratio(ci.Lower)}–{Ratio(ci.Upper)})" : Ratio(f.Figure);

    private static string Sizes(Finding f, bool exact) => f.Kind switch
    {
        FigureKind.ExposureGini or FigureKind.CalibrationKl => GroupSizeText.Describe(f.GroupSize, exact),
        _ => $"{GroupSizeText.Describe(f.GroupSize, exact)} against {GroupSizeText.Describe(f.ReferenceSize, exact)}",
    };

    private static string[] ThresholdRow(string figure, FairnessThreshold threshold) =>
        Row(figure, threshold.Lower is { } lower ? Bound(lower) : "–", threshold.Upper is { } upper ? Bound(upper) : "–", threshold.Blocking ? "yes" : "no");

    private static string N(int value) => value.ToString("N0", Invariant);

    private static string Fixed(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.000", Invariant) : "–";

    private static string Ratio(double value) => double.IsFinite(value) ? value.ToString("0.00", Invariant) : "–";

    private static string Bound(double value) => value.ToString("0.###", Invariant);

    private static string Percent(double share) =>
        double.IsFinite(share) ? Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", Invariant) + " %" : "–";

    /// <summary>Shares measured over lists or the catalogue, to one decimal as the audit page shows them.</summary>
    private static string Percent1(double share) =>
        double.IsFinite(share) ? (share * 100).ToString("0.0", Invariant) + " %" : "–";

    /// <summary>Mean interactions per recommended item, to one decimal as the audit page shows it.</summary>
    private static string Popularity(double value) => double.IsFinite(value) ? value.ToString("0.0", Invariant) : "–";

    private static string[] Row(params string[] cells) => cells;
}
