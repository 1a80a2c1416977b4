using Dashboard.Application.Common;
using Dashboard.Application.Reports;

namespace Dashboard.Application.Privacy.Report;

/// <summary>Lays out a <see cref="PrivacyReport"/> as a document: a summary in sentences, then one section per measure.</summary>
public static class PrivacyReportDocument
{
    public const string Title = "Privacy report";

    public static ReportDocument From(PrivacyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var blocks = new List<ReportBlock> { new ReportHeading("Summary") };
        blocks.AddRange(PrivacyReportText.Summary(report).Select(s => new ReportParagraph(s)));

        blocks.Add(new ReportHeading("Settings"));
        blocks.Add(new ReportParagraph(report.SettingsUpdatedBy is { } by
            ? $"Last changed by {by} on {UtcText.Format(report.SettingsUpdatedAtUtc, "an unknown date")}."
            : "The settings have never been changed: every setting has its default value."));
        blocks.Add(new ReportTable(["Setting", "Value", "Default?"],
            [.. report.Settings.Select(s => Row(s.Setting, s.Value, s.IsDefault ? "default" : "changed"))], "No settings."));
        blocks.Add(new ReportTable(["When", "Who", "What changed"],
            [.. report.SettingChanges.Select(c => Row(UtcText.Format(c.AtUtc), c.Who, c.Sentence))], "No privacy change has been recorded in the audit log."));

        blocks.Add(new ReportHeading("Consent per purpose"));
        blocks.Add(new ReportTable(["Purpose", "Granted", "Withdrawn", "No record", "Share granted"],
            [.. report.ConsentNow.Select(c => Row(c.Purpose, N(c.Granted), N(c.Withdrawn), N(c.NoRecord), PrivacyReportText.Percent(c.GrantedShare)))],
            "No consent purposes."));
        if (report.ConsentOverTime.Days.Count > 0)
        {
            blocks.Add(new ReportLineChart(
                report.ConsentOverTime.StepDays == 1 ? "End-users with consent granted, per day" : "End-users with consent granted, per week",
                [.. report.ConsentOverTime.Days.Select(PrivacyReportText.Day)],
                [.. report.ConsentOverTime.Lines.Select(l => new ReportSeries(l.Purpose, [.. l.Granted.Select(g => (double)g)]))]));
        }
        else
        {
            blocks.Add(new ReportParagraph("No consent has been recorded yet."));
        }

        blocks.Add(new ReportHeading("End-users excluded from training"));
        blocks.Add(new ReportTable(["Blend", "Latest version", "Trained", "End-users included", "Excluded for lack of consent", "Consent as of"],
            [.. report.TrainingExclusions.Select(t => Row(t.Blend, $"{t.Version}{(t.IsActive ? " (active)" : string.Empty)}", UtcText.Format(t.TrainedAtUtc),
                N(t.EndUsersIncluded), N(t.EndUsersExcluded), UtcText.Format(t.ConsentAsOfUtc)))],
            "No model has been trained yet."));

        blocks.Add(new ReportHeading("Pseudonymisation"));
        blocks.Add(new ReportParagraph(PrivacyReportText.Pseudonymisation(report.Pseudonymisation)));

        blocks.Add(new ReportHeading("k-anonymity"));
        blocks.Add(new ReportTable(["Quasi-identifiers", "k asked", "k achieved", "Groups", "End-users", "Suppressed", "l-diversity"],
            [.. report.KAnonymity.Select(f => Row(string.Join(", ", f.QuasiIdentifiers), N(f.K), N(f.KAchieved), N(f.EquivalenceClasses), N(f.EndUsers), N(f.EndUsersSuppressed),
                f.LDiversity.Count == 0 ? "–" : string.Join(", ", f.LDiversity.Select(l => $"{l.Key}: {N(l.Value)}"))))],
            "No attributes are marked as quasi-identifiers."));

        blocks.Add(new ReportHeading($"Differential privacy budget, {PrivacyReportText.Month(report.Budget.PeriodStartUtc)}"));
        blocks.Add(new ReportParagraph(PrivacyReportText.Budget(report.Budget)));
        blocks.Add(new ReportTable(["When", "Who", "Figure asked for", "ε"],
            [.. report.Budget.Lines.Select(l => Row(UtcText.Format(l.SpentAtUtc), l.SpentBy, l.Query, PrivacyReportText.Epsilon(l.Epsilon)))],
            "No ε has been spent this month."));

        blocks.Add(new ReportHeading("Retention runs"));
        blocks.Add(new ReportTable(["Started", "Finished", "Keep (days)", "Deleted before", "Interactions", "Feedback", "Served lists"],
            [.. report.RetentionRuns.Select(r => Row(UtcText.Format(r.StartedAtUtc), UtcText.Format(r.FinishedAtUtc, "running"), N(r.RetentionDays),
                UtcText.Format(r.CutoffUtc), N(r.InteractionsDeleted), N(r.FeedbackDeleted), N(r.ServedListsDeleted)))],
            "Retention has not run yet."));

        blocks.Add(new ReportHeading("Access and erasure requests"));
        blocks.Add(new ReportParagraph("Receipts hold no personal data: the end-user is identified only by the reference given to them."));
        blocks.Add(new ReportTable(["Reference", "Kind", "Received", "Completed", "Channel", "Found", "Rows removed", "Model versions affected"],
            [.. report.Requests.Select(r => Row(r.Reference, PrivacyReportText.Kind(r.Kind), UtcText.Format(r.ReceivedAtUtc), UtcText.Format(r.CompletedAtUtc, "open"),
                r.Channel, r.Found ? "yes" : "nothing found", RowsRemoved(r), r.ModelVersionsAffected.Count == 0 ? "–" : string.Join(", ", r.ModelVersionsAffected)))],
            "No access or erasure request has been received."));

        return new ReportDocument(Title, report.Organisation, report.GeneratedAtUtc, blocks);
    }

    public static string RowsRemoved(PrivacyRequestReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.RowsRemoved.Count == 0 ? "–" : string.Join(", ", receipt.RowsRemoved.Where(r => r.Value > 0).Select(r => $"{PrivacyReportText.TableName(r.Key)}: {N(r.Value)}"));
    }

    private static string N(long value) => PrivacyReportText.Count(value);

    private static string[] Row(params string[] cells) => cells;
}
