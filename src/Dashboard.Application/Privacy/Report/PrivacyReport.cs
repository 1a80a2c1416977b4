using Dashboard.Application.Auditing;

namespace Dashboard.Application.Privacy.Report;

/// <summary>
/// What a compliance officer shows to prove the tenant's privacy measures are in force, as of
/// <see cref="GeneratedAtUtc"/>: the settings and their latest changes, consent per purpose now and over time,
/// who the latest models left out for lack of consent, pseudonymisation, k-anonymity, the ε ledger, retention
/// runs and the receipts of access and erasure requests. It holds no end-user's id or data.
/// </summary>
public sealed record PrivacyReport(
    string Organisation,
    DateTime GeneratedAtUtc,
    int EndUsers,
    IReadOnlyList<PrivacySettingLine> Settings,
    string? SettingsUpdatedBy,
    DateTime? SettingsUpdatedAtUtc,
    IReadOnlyList<AuditLogRow> SettingChanges,
    bool NoRecordMeansConsented,
    IReadOnlyList<ConsentCoverage> ConsentNow,
    ConsentHistory ConsentOverTime,
    IReadOnlyList<TrainingExclusion> TrainingExclusions,
    PseudonymisationState Pseudonymisation,
    IReadOnlyList<KAnonymityFigures> KAnonymity,
    EpsilonLedger Budget,
    int? RetentionDays,
    IReadOnlyList<RetentionRunLine> RetentionRuns,
    IReadOnlyList<PrivacyRequestReceipt> Requests);
