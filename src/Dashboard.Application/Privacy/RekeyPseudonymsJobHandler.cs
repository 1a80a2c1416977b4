using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.Ingestion;
using Dashboard.Application.Jobs;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Dashboard.Recommender.Privacy;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Application.Privacy;

/// <summary>
/// "Re-key end-user ids": replaces every stored copy of an end-user id with its pseudonym under a new key —
/// the end-users' ids, the ids in the log of served lists, and the end-user names inside every stored model
/// artifact (re-written as new artifacts, so active models keep personalising and no file keeps a raw id) — and
/// then turns pseudonymisation on (first run) or retires the previous key (rotation).
/// <para>
/// All database changes are one transaction: until it commits, ids stay as they were and everything keeps
/// working with them; after, every node reads the new state (see <see cref="PseudonymKeyRing"/>). New artifacts
/// are written before the commit and deleted again if the run fails; old artifacts are deleted after it.
/// HMAC cannot be undone, so a rotation re-keys the stored pseudonyms themselves: the new pseudonym of an id is
/// HMAC(new key, old pseudonym), and ids arriving later go through the whole key chain (see <see cref="Pseudonym"/>).
/// </para>
/// Running it again to turn pseudonymisation on is harmless (it finds it on and changes nothing); each rotation
/// run adds one key.
/// </summary>
public sealed class RekeyPseudonymsJobHandler(
    IIngestionWriter writer,
    IPseudonymKeyProtector protector,
    PseudonymKeyRing keyRing,
    IModelArtifactStore store,
    IActiveModelCache models,
    RecentEventsBuffer recentEvents,
    IConsentGate consentGate,
    IAuditLog audit,
    TimeProvider time,
    ILogger<RekeyPseudonymsJobHandler> logger) : JobHandler<RekeyPseudonymsParameters>
{
    public const string JobName = "Re-key end-user ids";
    public const string Subject = "Pseudonymisation of end-user ids";

    public override string Name => JobName;

    public override string RequiredPolicy => Policies.ManagePrivacy;

    // Turning pseudonymisation on and rotating the key are started (and confirmed) on the Privacy page, not re-run.
    public override bool CanRunAgain => false;

    public override Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken) =>
        Task.FromResult("No end-user id was re-keyed and pseudonymisation is as it was before (model files the run had already re-written may " +
            "remain unused in the model store; they hold pseudonyms only). Start it again on the Privacy page.");

    protected override async Task RunAsync(JobContext context, RekeyPseudonymsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameters);
        var ct = context.CancellationToken;
        var tenantId = context.TenantId;
        var written = new List<Guid>();
        var replaced = new List<Guid>();
        List<Guid> blendIds;

        // Protected before the transaction opens: the first protection may create Data Protection's own key,
        // which is stored in the same database and would wait for this run's write lock on SQLite.
        var key = RandomNumberGenerator.GetBytes(Pseudonym.KeyBytes);
        var protectedKey = protector.Protect(tenantId, key);
        try
        {
            await using var session = await writer.BeginBatchAsync(tenantId, ct);
            var db = session.Db;
            var settings = await db.PrivacySettingsForUpdateAsync(ct);
            if (parameters.Reason == RekeyReason.TurnOn && settings.PseudonymiseEndUserIds)
            {
                context.Progress.Report(new JobProgress(100, "Pseudonymisation was already on; nothing to re-key"));
                return;
            }

            if (parameters.Reason == RekeyReason.RotateKey && !settings.PseudonymiseEndUserIds)
            {
                throw new ValidationException("Pseudonymisation is off, so there is no key to rotate. Turn it on first.");
            }

            await RefuseWhileOthersRunAsync(db, context.JobRunId, ct);
            var now = time.GetUtcNow().UtcDateTime;
            var keys = await db.PseudonymKeys.OrderBy(k => k.CreatedAtUtc).ToListAsync(ct);
            var previous = keys.LastOrDefault();
            var created = previous is not null && previous.CreatedAtUtc >= now ? previous.CreatedAtUtc.AddTicks(1) : now;
            db.PseudonymKeys.Add(new PseudonymKey { TenantId = tenantId, ProtectedKey = protectedKey, CreatedAtUtc = created });
            string Rename(string id) => Pseudonym.Of(key, id);

            context.Progress.Report(new JobProgress(5, "Re-keying end-user ids"));
            var endUsers = await db.EndUsers.ToListAsync(ct);
            foreach (var endUser in endUsers)
            {
                endUser.ExternalId = Rename(endUser.ExternalId);
            }

            context.Progress.Report(new JobProgress(30, $"Re-keyed {PlainWords.Counted(endUsers.Count, "end-user id")}; re-keying the log of served lists"));
            var served = await RekeyServedListsAsync(db, Rename, ct);

            context.Progress.Report(new JobProgress(50, "Re-keying stored models"));
            var versions = await db.ModelVersions.ToListAsync(ct);
            foreach (var version in versions)
            {
                if (await RekeyArtifactAsync(tenantId, version, Rename, written, ct) is { } old)
                {
                    replaced.Add(old);
                }
            }

            blendIds = [.. versions.Select(v => v.BlendId).Distinct()];
            var before = Describe(settings, previous);
            if (parameters.Reason == RekeyReason.TurnOn)
            {
                settings.PseudonymiseEndUserIds = true;
                settings.PseudonymisedSinceUtc = now;
            }
            else
            {
                foreach (var current in keys.Where(k => k.RetiredAtUtc is null))
                {
                    current.RetiredAtUtc = now;
                }
            }

            settings.UpdatedAtUtc = now;
            settings.UpdatedBy = context.RequestedBy;
            audit.Record(db, context.Caller, parameters.Reason == RekeyReason.TurnOn ? AuditActions.PseudonymisationTurnedOn : AuditActions.PseudonymKeyRotated, Subject,
                before,
                AuditFields.Write(
                    ("Pseudonymisation", "On"),
                    ("Key created", UtcText.Format(created)),
                    ("End-users re-keyed", endUsers.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                    ("Served lists re-keyed", served.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)),
                    ("Models re-keyed", replaced.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))));
            context.Progress.Report(new JobProgress(90, "Saving"));
            await db.SaveChangesAsync(ct);
            await session.CommitAsync(ct);
            context.Progress.Report(new JobProgress(100,
                $"Re-keyed {PlainWords.Counted(endUsers.Count, "end-user id")}, {PlainWords.Counted(served, "served list")} and {PlainWords.Counted(replaced.Count, "stored model")}; "
                + (parameters.Reason == RekeyReason.TurnOn ? "pseudonymisation is on" : "the new key is in use")));
        }
        catch
        {
            await DeleteAsync(tenantId, written);
            throw;
        }

        // Committed: nothing may keep serving or holding the old ids on this node (other nodes notice within
        // their recheck intervals: the key ring's and the active-model cache's, which sees the new artifact ids).
        keyRing.Invalidate(tenantId);
        recentEvents.ForgetBefore(tenantId, DateTime.MaxValue);
        // The gate's serving snapshot knows end-users by their stored ids, which have just changed.
        consentGate.ConsentChanged(tenantId);
        foreach (var blendId in blendIds)
        {
            models.Refresh(tenantId, blendId);
        }

        await DeleteAsync(tenantId, replaced);
    }

    private static async Task RefuseWhileOthersRunAsync(IAppDbContext db, Guid self, CancellationToken ct)
    {
        var running = await db.JobRuns.AsNoTracking()
            .Where(j => j.Id != self && j.State == JobState.Running
                && (j.Kind == JobKind.GenerateSampleData || j.Kind == JobKind.ImportDataSource || j.Kind == JobKind.TrainModel || j.Kind == JobKind.TuneBlend))
            .Select(j => new { j.Kind }).FirstOrDefaultAsync(ct);
        if (running is not null)
        {
            throw new ValidationException(
                $"A job that reads end-user ids is running ({PlainWords.Of(running.Kind)}); nothing was re-keyed. Run this again when it has finished.");
        }
    }

    /// <summary>One statement per distinct end-user in the log, through its (tenant, end-user) index.</summary>
    private static async Task<int> RekeyServedListsAsync(IAppDbContext db, Func<string, string> rename, CancellationToken ct)
    {
        var ids = await db.ServedRecommendations.AsNoTracking().Where(s => s.EndUserExternalId != null)
            .Select(s => s.EndUserExternalId!).Distinct().ToListAsync(ct);
        var rows = 0;
        foreach (var id in ids)
        {
            var renamed = rename(id);
            rows += await db.ServedRecommendations.Where(s => s.EndUserExternalId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.EndUserExternalId, renamed), ct);
        }

        return rows;
    }

    /// <summary>
    /// Writes the version's model again with its end-users renamed, as a new artifact the version now points to;
    /// returns the old artifact's id (deleted once the transaction commits), or null when the version has no
    /// readable artifact — then it is marked unusable and its artifact is removed too, since it cannot be re-keyed.
    /// </summary>
    private async Task<Guid?> RekeyArtifactAsync(Guid tenantId, ModelVersion version, Func<string, string> rename, List<Guid> written, CancellationToken ct)
    {
        BlendModel model;
        try
        {
            await using var stream = await store.OpenReadAsync(tenantId, version.ArtifactId, ct);
            model = BlendModel.Load(stream);
        }
        catch (Exception ex) when (ex is NotFoundException or ModelArtifactCorruptedException or InvalidDataException)
        {
            version.Status = ModelVersionStatus.Unusable;
            version.UnusableReason ??= "its stored model could not be read when end-user ids were re-keyed, so it was removed.";
            return ex is NotFoundException ? null : version.ArtifactId;
        }

        var artifactId = Guid.NewGuid();
        var path = Path.Combine(Path.GetTempPath(), $"dashboard-model-{artifactId:N}.tmp");
        ModelArtifact artifact;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81_920, FileOptions.DeleteOnClose | FileOptions.Asynchronous))
        {
            model.WithEndUserIds(rename).Save(file);
            await file.FlushAsync(ct);
            file.Position = 0;
            written.Add(artifactId);
            artifact = await store.SaveAsync(tenantId, artifactId, file, ct);
        }

        var old = version.ArtifactId;
        version.ArtifactId = artifact.Id;
        version.ArtifactSha256 = artifact.Sha256;
        version.ArtifactLength = artifact.Length;
        return old;
    }

    private async Task DeleteAsync(Guid tenantId, List<Guid> artifactIds)
    {
        foreach (var id in artifactIds)
        {
            try
            {
                await store.DeleteAsync(tenantId, id, CancellationToken.None);
            }
            catch (IOException ex)
            {
                logger.LogError(ex, "Model artifact {ArtifactId} could not be deleted after re-keying end-user ids.", id);
            }
        }
    }

    private static string Describe(PrivacySettings settings, PseudonymKey? key) => AuditFields.Write(
        ("Pseudonymisation", settings.PseudonymiseEndUserIds ? "On" : "Off"),
        ("Key created", key is null ? "no key" : UtcText.Format(key.CreatedAtUtc)));
}
