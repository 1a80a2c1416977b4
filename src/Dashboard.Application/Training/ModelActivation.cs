using System.Security.Cryptography;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.Compliance;
using Dashboard.Application.ModelStore;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Training;

/// <summary>
/// Moves a blend's active pointer to a version — the one path for a person's activation, a rollback and
/// auto-activation. The version must be ready, allowed by the compliance gate, and its stored artifact must
/// still match the checksum recorded when it was trained; a damaged or missing artifact marks the version
/// unusable and the active version stays as it was. Every move is audited and told to the active-model cache.
/// </summary>
public sealed class ModelActivation(IModelArtifactStore store, IReleaseGate releaseGate, IAuditLog audit, IActiveModelCache cache)
{
    /// <param name="action">The audit action: <see cref="AuditActions.ModelVersionActivated"/>, <see cref="AuditActions.ModelVersionRolledBack"/> or <see cref="AuditActions.ModelVersionAutoActivated"/>.</param>
    public async Task<Result> ActivateAsync(IAppDbContext db, Blend blend, ModelVersion version, CallerContext caller, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(blend);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(caller);
        if (version.Status == ModelVersionStatus.Unusable)
        {
            return Result.Failure($"Version {version.Number} cannot be activated: {version.UnusableReason}");
        }

        if (blend.ActiveVersionId == version.Id)
        {
            return Result.Failure($"Version {version.Number} is already active.");
        }

        var decision = await releaseGate.CheckAsync(version, cancellationToken);
        if (!decision.Allowed)
        {
            return Result.Failure($"Version {version.Number} may not go live: {decision.Reason}");
        }

        if (await CheckArtifactAsync(version, cancellationToken) is { } damage)
        {
            version.Status = ModelVersionStatus.Unusable;
            version.UnusableReason = damage;
            audit.Record(db, caller, AuditActions.ModelVersionUnusable, blend.Name, null, $"version {version.Number}: {damage}");
            await db.SaveChangesAsync(cancellationToken);
            var stays = await ActiveNumberAsync(db, blend, cancellationToken) is { } n ? $"version {n} stays active" : "no version was activated";
            return Result.Failure($"Version {version.Number} cannot be activated: {damage} It is marked unusable and {stays}.");
        }

        var before = await ActiveNumberAsync(db, blend, cancellationToken);
        blend.ActiveVersionId = version.Id;
        blend.ConcurrencyStamp = Guid.NewGuid();
        audit.Record(db, caller, action, blend.Name, before is { } b ? $"version {b}" : null, $"version {version.Number}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure($"“{blend.Name}” was changed by someone else meanwhile; reload it and try again.");
        }

        cache.Refresh(blend.TenantId, blend.Id);
        return Result.Success;
    }

    /// <summary>Null when the artifact is there and matches the version's checksum; else what is wrong, as a sentence.</summary>
    public async Task<string?> CheckArtifactAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        try
        {
            await using var stream = await store.OpenReadAsync(version.TenantId, version.ArtifactId, cancellationToken);
            var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            return string.Equals(hash, version.ArtifactSha256, StringComparison.Ordinal)
                ? null
                : "its stored model does not match the checksum recorded when it was trained (the file was changed).";
        }
        catch (ModelArtifactCorruptedException)
        {
            return "its stored model is damaged (it does not match its checksum).";
        }
        catch (NotFoundException)
        {
            return "its stored model is missing from the model store.";
        }
    }

    private static async Task<int?> ActiveNumberAsync(IAppDbContext db, Blend blend, CancellationToken cancellationToken) =>
        blend.ActiveVersionId is { } id
            ? await db.ModelVersions.Where(v => v.Id == id).Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
}
