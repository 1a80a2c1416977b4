using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Privacy;

/// <summary>
/// Turning pseudonymisation of end-user ids on, rotating its key, and the refusal to turn it off, for people
/// holding ManagePrivacy (Admin, Compliance officer). The change itself is a <see cref="RekeyPseudonymsJobHandler"/>
/// run (one transaction); requests are audited here, the outcome by the run with its before and after.
/// </summary>
public sealed class PseudonymisationService(
    ICurrentUser currentUser, ITenantDbContextFactory dbFactory, IJobScheduler scheduler, ILiveJobProgress live, IAuditLog audit, TimeProvider time)
{
    public const string TurnOffRefusal =
        "Pseudonymisation cannot be turned off. The stored ids are keyed hashes (HMAC-SHA256) and the raw ids were never kept, so " +
        "there is nothing to turn them back into; ids keep being pseudonymised on the way in. To stop using the current key, rotate it.";

    public async Task<PseudonymisationView> GetAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.PrivacySettingsAsync(cancellationToken);
        var keys = await db.PseudonymKeys.AsNoTracking().OrderByDescending(k => k.CreatedAtUtc).Select(k => k.CreatedAtUtc).ToListAsync(cancellationToken);
        var run = await LatestRunAsync(db, cancellationToken);
        DateTime? created = keys.Count > 0 ? keys[0] : null;
        return new PseudonymisationView(
            settings.PseudonymiseEndUserIds,
            settings.PseudonymisedSinceUtc,
            created,
            created is { } c ? time.GetUtcNow().UtcDateTime - c : null,
            keys.Count,
            run is null ? null : run.State == JobState.Running && live.TryGet(run.Id, out var progress) ? JobRunView.From(run, progress) : JobRunView.From(run));
    }

    /// <summary>Queues the run that re-keys the stored ids and turns pseudonymisation on; nothing is queued when it is on already or a run is pending.</summary>
    public Task<PseudonymisationRequest> TurnOnAsync(CancellationToken cancellationToken = default) =>
        RequestAsync(RekeyReason.TurnOn, cancellationToken);

    /// <summary>Queues a run that makes a new key and re-keys every stored pseudonym with it; refused while pseudonymisation is off.</summary>
    public Task<PseudonymisationRequest> RotateKeyAsync(CancellationToken cancellationToken = default) =>
        RequestAsync(RekeyReason.RotateKey, cancellationToken);

    /// <summary>Always refused (see <see cref="TurnOffRefusal"/>); asked by people holding ManagePrivacy only.</summary>
    public async Task<PseudonymisationRequest> TurnOffAsync(CancellationToken cancellationToken = default)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.PrivacySettingsAsync(cancellationToken);
        return new PseudonymisationRequest(false, null, settings.PseudonymiseEndUserIds ? TurnOffRefusal : "Pseudonymisation is off.");
    }

    private async Task<PseudonymisationRequest> RequestAsync(RekeyReason reason, CancellationToken cancellationToken)
    {
        var caller = await currentUser.DemandAsync(Policies.ManagePrivacy, cancellationToken);
        await using var db = dbFactory.CreateForTenant(caller.TenantId);
        var settings = await db.PrivacySettingsAsync(cancellationToken);
        if (reason == RekeyReason.TurnOn && settings.PseudonymiseEndUserIds)
        {
            return new PseudonymisationRequest(false, null, "Pseudonymisation is already on.");
        }

        if (reason == RekeyReason.RotateKey && !settings.PseudonymiseEndUserIds)
        {
            return new PseudonymisationRequest(false, null, "Pseudonymisation is off, so there is no key to rotate. Turn it on first.");
        }

        if (await LatestRunAsync(db, cancellationToken) is { State: JobState.Queued or JobState.Running } pending)
        {
            return new PseudonymisationRequest(false, pending.Id, "End-user ids are being re-keyed already; follow that job on the Jobs page.");
        }

        var run = scheduler.Enqueue(db, new RekeyPseudonymsParameters(reason), caller);
        var keyCreated = await db.PseudonymKeys.AsNoTracking().OrderByDescending(k => k.CreatedAtUtc).Select(k => (DateTime?)k.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);
        var before = AuditFields.Write(("Pseudonymisation", settings.PseudonymiseEndUserIds ? "On" : "Off"), ("Key created", UtcText.Format(keyCreated, "no key")));
        if (reason == RekeyReason.TurnOn)
        {
            audit.Record(db, caller, AuditActions.PseudonymisationRequested, RekeyPseudonymsJobHandler.Subject, before,
                AuditFields.Write(("Pseudonymisation", "On once the re-key job has finished")));
        }
        else
        {
            audit.Record(db, caller, AuditActions.PseudonymKeyRotationRequested, RekeyPseudonymsJobHandler.Subject, before,
                AuditFields.Write(("Key created", "a new key, once the re-key job has finished")));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new PseudonymisationRequest(true, run.Id, reason == RekeyReason.TurnOn
            ? "Turning pseudonymisation on: a job re-keys the stored end-user ids. Until it finishes, ids are stored as before."
            : "Rotating the key: a job re-keys the stored pseudonyms with a new key.");
    }

    private static Task<JobRun?> LatestRunAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        db.JobRuns.AsNoTracking().Where(j => j.Kind == JobKind.RekeyPseudonyms)
            .OrderByDescending(j => j.QueuedAtUtc).ThenByDescending(j => j.Id).FirstOrDefaultAsync(cancellationToken);
}
