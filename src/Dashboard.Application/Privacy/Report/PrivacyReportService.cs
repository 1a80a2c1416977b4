using System.Text.Json;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Training;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy.Report;

/// <summary>
/// Gathers the privacy report of the caller's tenant (ManagePrivacy only) from the privacy tables, the model
/// versions' data manifests and the audit log. It only reads.
/// </summary>
public sealed class PrivacyReportService(ICurrentUser currentUser, ITenantDbContextFactory dbFactory, TimeProvider time, IKAnonymityReport kAnonymity)
{
    /// <summary>Audit entries whose action code starts with one of these are the privacy changes the report lists.</summary>
    public static readonly IReadOnlyList<string> PrivacyActionPrefixes = ["Privacy", "Consent", "Pseudonym", "Retention", "Erasure", "Access"];

    public const int MaxSettingChanges = 20;
    public const int MaxRetentionRuns = 50;
    public const int MaxRequests = 500;

    public async Task<PrivacyReport> GetAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateForTenant(caller.TenantId);

        var organisation = await db.Tenants.Where(t => t.Id == caller.TenantId).Select(t => t.Name).SingleOrDefaultAsync(cancellationToken) ?? caller.TenantName;
        var settingsRow = await db.PrivacySettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var settings = settingsRow ?? new PrivacySettings { TenantId = caller.TenantId };
        var endUsers = await db.EndUsers.CountAsync(cancellationToken);
        var (consentNow, consentOverTime) = await ConsentAsync(db, endUsers, now, cancellationToken);

        return new PrivacyReport(
            organisation,
            now,
            endUsers,
            SettingLines(settings),
            settingsRow?.UpdatedBy,
            settingsRow?.UpdatedBy is null ? null : settingsRow.UpdatedAtUtc,
            await SettingChangesAsync(db, cancellationToken),
            settings.NoRecordMeansConsented,
            consentNow,
            consentOverTime,
            await TrainingExclusionsAsync(db, cancellationToken),
            await PseudonymisationAsync(db, settings, now, cancellationToken),
            await kAnonymity.ComputeAsync(cancellationToken),
            await LedgerAsync(db, settings, now, cancellationToken),
            settings.RetentionDays,
            await RetentionRunsAsync(db, cancellationToken),
            await RequestsAsync(db, cancellationToken));
    }

    private static IReadOnlyList<PrivacySettingLine> SettingLines(PrivacySettings s)
    {
        var defaults = new PrivacySettings();
        return
        [
            new("An end-user with no consent record counts as", s.NoRecordMeansConsented ? "Consented" : "Not consented",
                s.NoRecordMeansConsented == defaults.NoRecordMeansConsented),
            new("Pseudonymise end-user ids", s.PseudonymiseEndUserIds ? "On" : "Off", s.PseudonymiseEndUserIds == defaults.PseudonymiseEndUserIds),
            new("k for k-anonymity", s.K.ToString(PrivacyReportText.Culture), s.K == defaults.K),
            new("ε per noisy figure", s.EpsilonPerQuery.ToString("0.###", PrivacyReportText.Culture), s.EpsilonPerQuery.Equals(defaults.EpsilonPerQuery)),
            new("ε budget per month", s.EpsilonBudgetPerMonth.ToString("0.###", PrivacyReportText.Culture), s.EpsilonBudgetPerMonth.Equals(defaults.EpsilonBudgetPerMonth)),
            new("Keep interactions for", s.RetentionDays is { } days ? $"{days.ToString("N0", PrivacyReportText.Culture)} days" : "No limit", s.RetentionDays == defaults.RetentionDays),
        ];
    }

    private static async Task<IReadOnlyList<AuditLogRow>> SettingChangesAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        // The set of action codes is small; reading it first turns the prefixes into one IN list any provider translates.
        var codes = await db.AuditLog.Select(a => a.Action).Distinct().ToListAsync(cancellationToken);
        var privacyCodes = codes.Where(c => PrivacyActionPrefixes.Any(p => c.StartsWith(p, StringComparison.Ordinal))).ToList();
        var entries = db.AuditLog.AsNoTracking().Where(a => privacyCodes.Contains(a.Action));
        var latest = await entries.OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(MaxSettingChanges).ToListAsync(cancellationToken);
        return [.. latest.Select(AuditLogService.ToRow)];
    }

    /// <summary>
    /// One ordered read per purpose, which the (tenant, purpose, time) index serves without sorting. Records dated
    /// after the report's moment do not count yet, the way the consent gate reads them "as of".
    /// </summary>
    private static async Task<(IReadOnlyList<ConsentCoverage> Now, ConsentHistory OverTime)> ConsentAsync(
        IAppDbContext db, int endUsers, DateTime now, CancellationToken cancellationToken)
    {
        var declared = await db.ConsentPurposes.AsNoTracking().OrderBy(p => p.CreatedAtUtc).ThenBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        var recorded = await db.ConsentRecords.Select(c => c.Purpose).Distinct().ToListAsync(cancellationToken);
        var purposes = ConsentPurpose.BuiltIn.Concat(declared).Concat(recorded.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var first = await db.ConsentRecords.Where(c => c.OccurredAtUtc <= now).MinAsync(c => (DateTime?)c.OccurredAtUtc, cancellationToken);
        var days = new ConsentDays(first is { } at ? DateOnly.FromDateTime(at) : null, DateOnly.FromDateTime(now));

        var coverage = new List<ConsentCoverage>();
        var lines = new List<ConsentHistoryLine>();
        foreach (var purpose in purposes)
        {
            var tally = new ConsentTally(purpose, days);
            var records = db.ConsentRecords.AsNoTracking()
                .Where(c => c.Purpose == purpose && c.OccurredAtUtc <= now)
                .OrderBy(c => c.OccurredAtUtc).ThenBy(c => c.Id)
                .Select(c => new { c.EndUserId, c.Granted, c.OccurredAtUtc })
                .AsAsyncEnumerable();
            await foreach (var record in records.WithCancellation(cancellationToken))
            {
                tally.Add(record.EndUserId, record.Granted, record.OccurredAtUtc);
            }

            coverage.Add(tally.Now(endUsers));
            lines.Add(tally.History());
        }

        return (coverage, days.Days.Count == 0 ? ConsentHistory.Empty : new ConsentHistory(days.Days, days.StepDays, lines));
    }

    private static async Task<IReadOnlyList<TrainingExclusion>> TrainingExclusionsAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var blends = await db.Blends.AsNoTracking().Select(b => new { b.Id, b.Name, b.ActiveVersionId }).ToListAsync(cancellationToken);
        var latest = await db.ModelVersions.AsNoTracking()
            .Where(v => v.Number == db.ModelVersions.Where(w => w.BlendId == v.BlendId).Max(w => w.Number))
            .Select(v => new { v.Id, v.BlendId, v.Number, v.CreatedAtUtc, v.ManifestJson })
            .ToListAsync(cancellationToken);
        var exclusions = new List<TrainingExclusion>();
        foreach (var blend in blends.OrderBy(b => b.Name, StringComparer.CurrentCulture))
        {
            if (latest.FirstOrDefault(v => v.BlendId == blend.Id) is not { } version)
            {
                continue;
            }

            var manifest = DataManifest.FromJson(version.ManifestJson);
            exclusions.Add(new TrainingExclusion(blend.Name, version.Number, blend.ActiveVersionId == version.Id, version.CreatedAtUtc,
                manifest.EndUsers, manifest.EndUsersExcludedByConsent, manifest.ConsentAsOfUtc, manifest.ConsentBasis));
        }

        return exclusions;
    }

    private static async Task<PseudonymisationState> PseudonymisationAsync(IAppDbContext db, PrivacySettings settings, DateTime now, CancellationToken cancellationToken)
    {
        var keys = await db.PseudonymKeys.AsNoTracking().Select(k => new { k.CreatedAtUtc, k.RetiredAtUtc }).ToListAsync(cancellationToken);
        var current = keys.Where(k => k.RetiredAtUtc is null).OrderByDescending(k => k.CreatedAtUtc).FirstOrDefault();
        return new PseudonymisationState(
            settings.PseudonymiseEndUserIds,
            settings.PseudonymisedSinceUtc,
            current?.CreatedAtUtc,
            current is null ? null : Math.Max(0, (int)(now - current.CreatedAtUtc).TotalDays),
            keys.Count(k => k.RetiredAtUtc is not null));
    }

    private static async Task<EpsilonLedger> LedgerAsync(IAppDbContext db, PrivacySettings settings, DateTime now, CancellationToken cancellationToken)
    {
        var periodStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var lines = await db.PrivacyBudgetLedger.AsNoTracking()
            .Where(l => l.PeriodStartUtc == periodStart)
            .OrderByDescending(l => l.SpentAtUtc).ThenByDescending(l => l.Id)
            .Select(l => new EpsilonSpendLine(l.SpentAtUtc, l.SpentBy, l.Query, l.Epsilon))
            .ToListAsync(cancellationToken);
        return new EpsilonLedger(periodStart, settings.EpsilonBudgetPerMonth, lines.Sum(l => l.Epsilon), lines);
    }

    private static async Task<IReadOnlyList<RetentionRunLine>> RetentionRunsAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        await db.RetentionRuns.AsNoTracking()
            .OrderByDescending(r => r.StartedAtUtc)
            .Take(MaxRetentionRuns)
            .Select(r => new RetentionRunLine(r.StartedAtUtc, r.FinishedAtUtc, r.RetentionDays, r.CutoffUtc, r.InteractionsDeleted, r.FeedbackDeleted, r.ServedListsDeleted))
            .ToListAsync(cancellationToken);

    private static async Task<IReadOnlyList<PrivacyRequestReceipt>> RequestsAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var requests = await db.PrivacyRequests.AsNoTracking().OrderByDescending(r => r.ReceivedAtUtc).Take(MaxRequests).ToListAsync(cancellationToken);
        return [.. requests.Select(r => new PrivacyRequestReceipt(r.Reference, r.Kind, r.ReceivedAtUtc, r.CompletedAtUtc, r.Channel, r.Found,
            RowsRemoved(r.RowsRemovedJson), VersionsAffected(r.ModelVersionsAffectedJson)))];
    }

    private static Dictionary<string, long> RowsRemoved(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? [];

    /// <summary>The affected versions as the erasure wrote them: names or numbers as text, anything else as its JSON.</summary>
    private static List<string> VersionsAffected(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? [.. document.RootElement.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.GetRawText())]
            : [document.RootElement.GetRawText()];
    }
}
