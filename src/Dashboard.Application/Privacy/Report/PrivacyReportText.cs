using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Domain.Privacy;

namespace Dashboard.Application.Privacy.Report;

/// <summary>
/// The report's findings as plain sentences, the same on the page, in the CSV and in the PDF
/// ("Personalisation consent: 8,412 of 10,000 end-users (84 %) …"). Numbers are written the same way whatever
/// the server's culture, because the report is a document others file and compare.
/// </summary>
public static class PrivacyReportText
{
    public static CultureInfo Culture => CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Culture);

    public static string Percent(double share) => $"{Math.Round(share * 100).ToString("0", Culture)} %";

    public static string Epsilon(double value) => value.ToString("0.###", Culture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Culture);

    public static string Month(DateTime periodStartUtc) => periodStartUtc.ToString("MMMM yyyy", Culture);

    /// <summary>What a table an erasure removed rows from holds, in words a reader of a receipt knows.</summary>
    public static string TableName(string table) => table switch
    {
        "EndUsers" => "end-user record",
        "EndUserAttributes" => "attributes",
        "Interactions" => "interactions",
        "ConsentRecords" => "consent records",
        "RecommendationFeedback" => "recommendation feedback",
        "ServedRecommendations" => "recommendation lists served",
        "ImportErrors" => "import problems quoting the id",
        _ => table,
    };

    public static string Kind(PrivacyRequestKind kind) => kind switch
    {
        PrivacyRequestKind.Access => "Access (Art. 15)",
        PrivacyRequestKind.Erasure => "Erasure (Art. 17)",
        _ => PlainWords.Of(kind),
    };

    public static IReadOnlyList<string> Summary(PrivacyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>();
        lines.AddRange(report.ConsentNow.Select(c => Consent(c, report.NoRecordMeansConsented)));
        lines.AddRange(report.TrainingExclusions.Select(Training));
        if (report.TrainingExclusions.Count == 0)
        {
            lines.Add("No model has been trained yet, so no end-user's data has been used for training.");
        }

        lines.Add(Pseudonymisation(report.Pseudonymisation));
        lines.Add(KAnonymity(report.KAnonymity));
        lines.Add(Budget(report.Budget));
        lines.Add(Retention(report.RetentionDays, report.RetentionRuns));
        lines.Add(Requests(report.Requests));
        return lines;
    }

    public static string Consent(ConsentCoverage c, bool noRecordMeansConsented)
    {
        ArgumentNullException.ThrowIfNull(c);
        var noRecord = c.NoRecord == 0
            ? string.Empty
            : $"; {Count(c.NoRecord)} have no record, which counts as {(noRecordMeansConsented ? "consented" : "not consented")}";
        return $"{c.Purpose} consent: {Count(c.Granted)} of {Count(c.EndUsers)} end-users ({Percent(c.GrantedShare)}) have granted it; "
            + $"{Count(c.Withdrawn)} withdrew it{noRecord}.";
    }

    public static string Training(TrainingExclusion t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return $"The latest model of the blend “{t.Blend}” (version {t.Version}, trained {UtcText.Format(t.TrainedAtUtc)}) learnt from "
            + $"{Count(t.EndUsersIncluded)} end-users; {Count(t.EndUsersExcluded)} were left out for lack of personalisation consent as of {UtcText.Format(t.ConsentAsOfUtc)}.";
    }

    public static string Pseudonymisation(PseudonymisationState p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!p.IsOn)
        {
            return "End-user ids are stored as received: pseudonymisation is off.";
        }

        var since = p.SinceUtc is { } at ? $" since {UtcText.Format(at)}" : string.Empty;
        var key = p.KeyAgeDays is { } age
            ? $"; the current key is {Count(age)} {(age == 1 ? "day" : "days")} old and has been rotated {Count(p.Rotations)} {(p.Rotations == 1 ? "time" : "times")}"
            : "; no key has been created yet";
        return $"End-user ids are pseudonymised{since}{key}.";
    }

    public static string KAnonymity(IReadOnlyList<Privacy.KAnonymityFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Count == 0)
        {
            return "No attributes are marked as quasi-identifiers, so there is nothing to check for k-anonymity.";
        }

        return string.Join(" ", figures.Select(f =>
            $"k-anonymity for {string.Join(", ", f.QuasiIdentifiers)}: k = {f.K} asked, {f.KAchieved} achieved over {Count(f.EquivalenceClasses)} groups; "
            + $"{Count(f.EndUsersSuppressed)} of {Count(f.EndUsers)} end-users suppressed."));
    }

    public static string Budget(EpsilonLedger b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var share = b.Budget > 0 ? $" ({Percent(b.Spent / b.Budget)})" : string.Empty;
        return $"Differential privacy: ε {Epsilon(b.Spent)} of the monthly budget of {Epsilon(b.Budget)} spent in {Month(b.PeriodStartUtc)}{share}, "
            + $"over {Count(b.Lines.Count)} noisy {(b.Lines.Count == 1 ? "figure" : "figures")}.";
    }

    public static string Retention(int? days, IReadOnlyList<RetentionRunLine> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rule = days is { } d ? $"Interactions are kept for {Count(d)} days" : "No retention period is set: interactions are kept until deleted";
        var last = runs.FirstOrDefault(r => r.FinishedAtUtc is not null) is { } run
            ? $"; the last retention run ({UtcText.Format(run.StartedAtUtc)}) deleted {Count(run.InteractionsDeleted)} interactions"
            : "; retention has not run yet";
        return rule + last + ".";
    }

    public static string Requests(IReadOnlyList<PrivacyRequestReceipt> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var access = requests.Count(r => r.Kind == PrivacyRequestKind.Access);
        var erasure = requests.Count(r => r.Kind == PrivacyRequestKind.Erasure);
        var open = requests.Count(r => r.CompletedAtUtc is null);
        return $"{Count(access)} access and {Count(erasure)} erasure {(access + erasure == 1 ? "request" : "requests")} received; "
            + (open == 0 ? "all answered." : $"{Count(open)} not answered yet.");
    }
}
