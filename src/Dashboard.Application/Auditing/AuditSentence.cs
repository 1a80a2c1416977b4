using Dashboard.Application.Common;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;

namespace Dashboard.Application.Auditing;

/// <summary>
/// Renders an audit entry as one plain sentence ("Changed the role of ana@example.com from Marketer to
/// Admin."), and its before/after as readable fields. The actor is shown beside the sentence, so the
/// sentence starts with what was done.
/// </summary>
public static class AuditSentence
{
    /// <summary>The action types a person can filter by, with their labels, in the order the filter lists them.</summary>
    public static IReadOnlyList<(string Action, string Label)> KnownActions { get; } =
    [
        (AuditActions.SignedIn, "Signed in"),
        (AuditActions.SignInFailed, "Failed sign-in"),
        (AuditActions.LockedOut, "Account locked"),
        (AuditActions.OrganisationRegistered, "Organisation registered"),
        (AuditActions.TeamMemberAdded, "Team member added"),
        (AuditActions.TeamMemberRoleChanged, "Role changed"),
        (AuditActions.TeamMemberDisabled, "Account disabled"),
        (AuditActions.TeamMemberEnabled, "Account enabled"),
        (AuditActions.TeamMemberDeletedOwnAccount, "Own account deleted"),
        (AuditActions.ApiKeyCreated, "API key created"),
        (AuditActions.ApiKeyRevoked, "API key revoked"),
        (AuditActions.DataSourceCreated, "Data source added"),
        (AuditActions.DataSourceUpdated, "Data source changed"),
        (AuditActions.DataSourceDeleted, "Data source deleted"),
        (AuditActions.DataSourceFileUploaded, "File uploaded"),
        (AuditActions.DataSourceMappingSaved, "Column mapping saved"),
        (AuditActions.ImportStarted, "Import started"),
        (AuditActions.ImportFinished, "Import finished"),
        (AuditActions.BlendCreated, "Blend added"),
        (AuditActions.BlendUpdated, "Blend changed"),
        (AuditActions.BlendDeleted, "Blend deleted"),
        (AuditActions.BlendWeightsTuned, "Blend weights changed by tuning"),
        (AuditActions.ModelVersionActivated, "Model version activated"),
        (AuditActions.ModelVersionRolledBack, "Model version rolled back"),
        (AuditActions.ModelVersionAutoActivated, "Model version activated automatically"),
        (AuditActions.ModelVersionUnusable, "Model version unusable"),
        (AuditActions.ModelVersionHeldForReview, "Model version held for compliance review"),
        (AuditActions.ModelVersionApproved, "Model version approved by compliance"),
        (AuditActions.ModelVersionRejected, "Model version rejected by compliance"),
        (AuditActions.FairnessThresholdsChanged, "Bias-audit thresholds changed"),
        (AuditActions.JobCancelled, "Job cancelled"),
        (AuditActions.PrivacyKChanged, "k-anonymity threshold changed"),
        (AuditActions.PrivacyBudgetChanged, "Privacy budget changed"),
        (AuditActions.GeneralisationSaved, "Generalisation set"),
        (AuditActions.GeneralisationRemoved, "Generalisation removed"),
        (AuditActions.ConsentPurposeAdded, "Consent purpose added"),
        (AuditActions.NoRecordMeansConsentedChanged, "Meaning of no consent record changed"),
        (AuditActions.PseudonymisationRequested, "Pseudonymisation requested"),
        (AuditActions.PseudonymisationTurnedOn, "Pseudonymisation turned on"),
        (AuditActions.PseudonymKeyRotationRequested, "Pseudonym key rotation requested"),
        (AuditActions.PseudonymKeyRotated, "Pseudonym key rotated"),
        (AuditActions.RetentionChanged, "Retention changed"),
        (AuditActions.RetentionEnforced, "Old interactions deleted"),
        (AuditActions.EndUserDataExported, "End-user data exported"),
        (AuditActions.EndUserErased, "End-user erased"),
    ];

    public static string Label(string action) =>
        KnownActions.FirstOrDefault(a => a.Action == action).Label ?? PlainWords.From(action);

    public static string Describe(AuditLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var subject = entry.Subject;
        var before = AuditFields.Read(entry.Before);
        var after = AuditFields.Read(entry.After);
        return entry.Action switch
        {
            AuditActions.OrganisationRegistered => $"Registered the organisation “{subject}”.",
            AuditActions.TeamMemberAdded => $"Added {subject} to the team as {Role(entry.After)}.",
            AuditActions.TeamMemberRoleChanged => $"Changed the role of {subject} from {Role(entry.Before)} to {Role(entry.After)}.",
            AuditActions.TeamMemberDisabled => $"Disabled the account of {subject}; they can no longer sign in.",
            AuditActions.TeamMemberEnabled => $"Enabled the account of {subject} again.",
            AuditActions.TeamMemberDeletedOwnAccount => $"Deleted their own account ({subject}).",
            AuditActions.SignedIn => entry.After is { Length: > 0 } how ? $"Signed in with {how}." : "Signed in.",
            AuditActions.SignInFailed => entry.After is { Length: > 0 } why ? $"Failed to sign in: {why}." : "Failed to sign in.",
            AuditActions.LockedOut => entry.After is { Length: > 0 } until
                ? $"The account {subject} was locked after too many failed sign-ins, until {until}."
                : $"The account {subject} was locked after too many failed sign-ins.",
            // Keys created before scopes existed were recorded with "active" where the scopes are now.
            AuditActions.ApiKeyCreated => entry.After is { Length: > 0 } scopes && scopes != "active"
                ? $"Created the API key {subject} with the scopes {string.Join(", ", ApiScopes.Split(scopes))}."
                : $"Created the API key {subject}.",
            AuditActions.ApiKeyRevoked => $"Revoked the API key {subject}; calls with it are refused from now on.",
            AuditActions.DataSourceCreated => AuditFields.Value(after, "Kind") is { } kind
                ? $"Added the data source “{subject}” ({kind.ToLowerInvariant()})."
                : $"Added the data source “{subject}”.",
            AuditActions.DataSourceUpdated => Updated(subject, entry, before, after),
            AuditActions.DataSourceDeleted => $"Deleted the data source “{subject}” and its import history.",
            AuditActions.DataSourceFileUploaded => Uploaded(subject, entry.After, after),
            AuditActions.DataSourceMappingSaved => $"Saved the column mapping of “{subject}”.",
            AuditActions.ImportStarted => entry.After is { Length: > 0 } datasets
                ? $"Started an import of “{subject}” ({datasets})."
                : $"Started an import of “{subject}”.",
            AuditActions.ImportFinished => Finished(subject, after),
            AuditActions.BlendCreated => $"Added the blend “{subject}”.",
            AuditActions.BlendUpdated => Changed("blend", subject, entry, before, after),
            AuditActions.BlendDeleted => $"Deleted the blend “{subject}” and its model versions.",
            AuditActions.BlendWeightsTuned => $"Changed the weights of the blend “{subject}” by tuning: from {entry.Before} to {entry.After}.",
            AuditActions.ModelVersionActivated => $"Activated {entry.After} of the blend “{subject}”{Replacing(entry.Before)}.",
            AuditActions.ModelVersionRolledBack => $"Rolled the blend “{subject}” back from {entry.Before} to {entry.After}.",
            AuditActions.ModelVersionAutoActivated => $"{Capital(entry.After)} of the blend “{subject}” was activated automatically{Replacing(entry.Before)}: it scored within the blend's margin.",
            // Subject: the blend; After: {"Version": "version 3", "Justification": "…"} or, when held, {"Version", "Findings"}.
            AuditActions.ModelVersionHeldForReview =>
                $"Held {AuditFields.Value(after, "Version") ?? entry.After} of the blend “{subject}” for a compliance officer's review: its bias audit found {AuditFields.Value(after, "Findings") ?? "a blocking failure"}.",
            AuditActions.ModelVersionApproved =>
                $"Approved {AuditFields.Value(after, "Version") ?? entry.After} of the blend “{subject}” despite its blocking bias findings, because: {Quoted(AuditFields.Value(after, "Justification"))}",
            AuditActions.ModelVersionRejected =>
                $"Rejected {AuditFields.Value(after, "Version") ?? entry.After} of the blend “{subject}”; it can never go live, because: {Quoted(AuditFields.Value(after, "Justification"))}",
            AuditActions.FairnessThresholdsChanged => ThresholdsChanged(entry),
            AuditActions.ModelVersionUnusable => $"Marked {entry.After?.TrimEnd('.')} of the blend “{subject}” as unusable.",
            // Segments and campaigns: Subject is the name; Before/After of an update are AuditFields ("Field: value" lines).
            AuditActions.SegmentCreated => $"Added the segment “{subject}”.",
            AuditActions.SegmentUpdated => Changed("segment", subject, entry, before, after),
            AuditActions.SegmentDeleted => $"Deleted the segment “{subject}”.",
            AuditActions.CampaignCreated => $"Added the campaign “{subject}”.",
            AuditActions.CampaignUpdated => Changed("campaign", subject, entry, before, after),
            AuditActions.CampaignDeleted => $"Deleted the campaign “{subject}”.",
            // After: when it starts, e.g. "on 2 March 2027 at 06:00 UTC".
            AuditActions.CampaignScheduled => $"Scheduled the campaign “{subject}” to start {entry.After}.",
            // After: the arms it started with, e.g. "arm A (blend “Default”, 50 %) and arm B (blend “Popular”, 50 %)".
            AuditActions.CampaignStarted => entry.After is { Length: > 0 } arms ? $"Started the campaign “{subject}” with {arms}." : $"Started the campaign “{subject}”.",
            AuditActions.CampaignPaused => $"Paused the campaign “{subject}”.",
            AuditActions.CampaignResumed => $"Resumed the campaign “{subject}”.",
            AuditActions.CampaignEnded => $"Ended the campaign “{subject}”.",
            // After: what the file holds, e.g. "1,204 end-users, 12,040 rows".
            AuditActions.CampaignExported => $"Exported the lists of the campaign “{subject}”: {entry.After}.",
            AuditActions.JobCancelled => entry.Before is { Length: > 0 } state
                ? $"Cancelled the job “{subject}” while it was {state.ToLowerInvariant()}; nothing it had started is kept."
                : $"Cancelled the job “{subject}”; nothing it had started is kept.",
            AuditActions.PrivacyKChanged => $"Changed the k of k-anonymity from {AuditFields.Value(before, "k")} to {AuditFields.Value(after, "k")}.",
            AuditActions.PrivacyBudgetChanged => $"Changed the differential-privacy settings: ε per query from {AuditFields.Value(before, "ε per query")} to "
                + $"{AuditFields.Value(after, "ε per query")}, monthly budget from ε {AuditFields.Value(before, "ε budget per month")} to ε {AuditFields.Value(after, "ε budget per month")}.",
            AuditActions.GeneralisationSaved => $"Changed how the quasi-identifier “{subject}” is generalised: from {entry.Before} to {entry.After}.",
            AuditActions.GeneralisationRemoved => $"Removed the generalisation of the quasi-identifier “{subject}” ({entry.Before}); its values are used as they are.",
            AuditActions.ConsentPurposeAdded => $"Added the consent purpose “{subject}”.",
            AuditActions.NoRecordMeansConsentedChanged =>
                $"Changed what an end-user with no consent record means from “{entry.Before?.ToLowerInvariant()}” to “{entry.After?.ToLowerInvariant()}”.",
            AuditActions.PseudonymisationRequested => "Asked to turn pseudonymisation of end-user ids on; a job re-keys the stored ids, and it cannot be turned off again.",
            AuditActions.PseudonymisationTurnedOn => $"Turned pseudonymisation of end-user ids on: {Rekeyed(after)}.",
            AuditActions.PseudonymKeyRotationRequested => "Asked to rotate the pseudonym key; a job re-keys the stored ids.",
            AuditActions.PseudonymKeyRotated => $"Rotated the pseudonym key (the previous one was created {AuditFields.Value(before, "Key created") ?? "earlier"}): {Rekeyed(after)}.",
            AuditActions.RetentionChanged => $"Changed how long interactions are kept from {entry.Before ?? "forever"} to {entry.After ?? "forever"}.",
            AuditActions.RetentionEnforced => $"Deleted what was older than the retention period: {entry.After}.",
            AuditActions.EndUserDataExported => $"Exported an end-user's data (access request {subject}): {entry.After}.",
            AuditActions.EndUserErased => $"Erased an end-user (erasure request {subject}): {entry.After}.",
            _ => $"{Label(entry.Action)}: {subject}.",
        };
    }

    /// <summary>The entry's before and after, field by field (a single "Value" line for plain values).</summary>
    public static IReadOnlyList<AuditChange> Changes(AuditLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var before = AuditFields.Read(entry.Before);
        var after = AuditFields.Read(entry.After);
        if (before is null && after is null)
        {
            return entry.Before is null && entry.After is null
                ? []
                : [new AuditChange("Value", Readable(entry.Action, entry.Before), Readable(entry.Action, entry.After))];
        }

        var names = (before ?? []).Select(f => f.Name).Concat((after ?? []).Select(f => f.Name)).Distinct(StringComparer.Ordinal);
        return [.. names.Select(n => new AuditChange(n, AuditFields.Value(before, n) ?? Plain(before, entry.Before), AuditFields.Value(after, n) ?? Plain(after, entry.After)))];
    }

    private static string? Plain(IReadOnlyList<AuditField>? fields, string? text) => fields is null ? text : null;

    private static string? Readable(string action, string? value) =>
        value is null ? null
        : action is AuditActions.TeamMemberAdded or AuditActions.TeamMemberRoleChanged or AuditActions.TeamMemberDeletedOwnAccount ? Role(value)
        : PlainWords.From(value) is { Length: > 0 } words && value.All(c => char.IsLetter(c) || c == '_') ? words
        : value;

    private static string Role(string? role) => role is { Length: > 0 }
        ? string.Join(", ", role.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Roles.DisplayName))
        : "no role";

    private static string Updated(string subject, AuditLogEntry entry, IReadOnlyList<AuditField>? before, IReadOnlyList<AuditField>? after) =>
        Changed("data source", subject, entry, before, after);

    /// <summary>A person's words in quotes, ending the sentence with their own full stop, question or exclamation mark when they wrote one.</summary>
    private static string Quoted(string? words)
    {
        var text = (words ?? string.Empty).Trim();
        return text.Length > 0 && text[^1] is '.' or '!' or '?' ? $"“{text}”" : $"“{text}”.";
    }

    private static string ThresholdsChanged(AuditLogEntry entry)
    {
        var changes = Changes(entry).Where(c => c.Changed).Select(c => $"{Lower(c.Field)} from {c.Before ?? "the default"} to {c.After ?? "the default"}").ToList();
        return changes.Count == 0
            ? "Saved the bias-audit thresholds without changing them."
            : $"Changed the bias-audit thresholds: {string.Join("; ", changes)}. Audits from now on are judged by them.";
    }

    private static string Changed(string what, string subject, AuditLogEntry entry, IReadOnlyList<AuditField>? before, IReadOnlyList<AuditField>? after)
    {
        if (before is null || after is null)
        {
            return $"Changed the {what} “{subject}”.";
        }

        var changes = Changes(entry).Where(c => c.Changed).Select(c => c.Before is null
            ? $"{Lower(c.Field)} {c.After}"
            : $"{Lower(c.Field)} from {c.Before} to {c.After ?? "nothing"}").ToList();
        return changes.Count == 0
            ? $"Saved the {what} “{subject}” without changing its settings."
            : $"Changed the {what} “{subject}”: {string.Join("; ", changes)}.";
    }

    private static string Rekeyed(IReadOnlyList<AuditField>? after) =>
        $"{AuditFields.Value(after, "End-users re-keyed") ?? "0"} end-user ids, {AuditFields.Value(after, "Served lists re-keyed") ?? "0"} served lists "
        + $"and {AuditFields.Value(after, "Models re-keyed") ?? "0"} stored models re-keyed";

    private static string Replacing(string? before) => before is { Length: > 0 } ? $" in place of {before}" : string.Empty;

    private static string Capital(string? text) => text is { Length: > 0 } ? char.ToUpperInvariant(text[0]) + text[1..] : string.Empty;

    private static string Uploaded(string subject, string? text, IReadOnlyList<AuditField>? after) =>
        AuditFields.Value(after, "File") is { } file
            ? $"Uploaded {file} ({AuditFields.Value(after, "Size")}) as the {AuditFields.Value(after, "Dataset")} of “{subject}”."
            : $"Uploaded a file to “{subject}”: {text}.";

    private static string Finished(string subject, IReadOnlyList<AuditField>? after)
    {
        var outcome = AuditFields.Value(after, "Outcome");
        if (outcome == ImportOutcomes.Succeeded)
        {
            var replaced = AuditFields.Value(after, "Previous rows") is { } previous ? $" {previous.TrimEnd('.')}." : string.Empty;
            return $"The import of “{subject}” finished: {AuditFields.Value(after, "Rows written") ?? "0"} rows written, "
                + $"{AuditFields.Value(after, "Rows rejected") ?? "0"} rejected.{replaced}";
        }

        var reason = AuditFields.Value(after, "Reason") is { Length: > 0 } r ? $" {r.TrimEnd('.')}." : string.Empty;
        return outcome == ImportOutcomes.Rejected
            ? $"The import of “{subject}” was rejected and nothing was changed.{reason}"
            : $"The import of “{subject}” failed for a technical reason and nothing was changed.";
    }

    private static string Lower(string field) => field.Length > 1 && !char.IsUpper(field[1])
        ? char.ToLowerInvariant(field[0]) + field[1..]
        : field;
}
