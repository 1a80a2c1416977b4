using Dashboard.Application.Common;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Application.Privacy.Erasure;

/// <summary>
/// Takes erased end-users out of every stored model version of a tenant and out of the models this node serves.
/// <para>
/// Artifacts are otherwise written once and never changed. An erasure is the one exception: GDPR Art. 17 makes no
/// room for copies kept in model files, and a version's id map names every end-user it was trained on. So a version
/// that holds an erased end-user gets a new artifact (new id, new checksum) written from the same model without
/// them; its row is pointed at it and the old artifact is deleted. The artifact store itself stays write-once; the
/// version keeps its number, metrics and manifest — the same training, minus the erased end-users. A version whose
/// artifact was rewritten by someone else meanwhile (two erasures at once) is read again and rewritten from the new one.
/// </para>
/// </summary>
public sealed class StoredModelEraser(
    ITenantDbContextFactory dbFactory, IModelArtifactStore store, IActiveModelCache cache, ILogger<StoredModelEraser> logger)
{
    private const int Attempts = 3;

    /// <summary>
    /// Rewrites each readable version that holds any of <paramref name="storedEndUserIds"/> (ids as stored) and serves
    /// the rewritten models on this node at once; returns the versions it changed.
    /// </summary>
    public async Task<IReadOnlyList<ErasedFromVersion>> ForgetAsync(Guid tenantId, IReadOnlyCollection<string> storedEndUserIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storedEndUserIds);
        if (storedEndUserIds.Count == 0)
        {
            return [];
        }

        List<(Guid Id, Guid BlendId, int Number)> versions;
        Dictionary<Guid, string> blendNames;
        await using (var db = dbFactory.CreateForTenant(tenantId))
        {
            versions = (await db.ModelVersions.AsNoTracking().Where(v => v.Status == ModelVersionStatus.Ready)
                    .Select(v => new { v.Id, v.BlendId, v.Number }).ToListAsync(cancellationToken))
                .Select(v => (v.Id, v.BlendId, v.Number)).OrderBy(v => v.Number).ToList();
            blendNames = await db.Blends.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        }

        var changed = new List<ErasedFromVersion>();
        foreach (var version in versions)
        {
            if (await ForgetInVersionAsync(tenantId, version.Id, storedEndUserIds, cancellationToken))
            {
                changed.Add(new ErasedFromVersion(version.BlendId, blendNames.GetValueOrDefault(version.BlendId, "?"), version.Id, version.Number));
            }
        }

        return changed;
    }

    /// <summary>Rewrites one version without the end-users if it holds any of them; true when it did.</summary>
    public async Task<bool> ForgetInVersionAsync(Guid tenantId, Guid versionId, IReadOnlyCollection<string> storedEndUserIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storedEndUserIds);
        for (var attempt = 1; ; attempt++)
        {
            Guid readArtifact;
            await using (var db = dbFactory.CreateForTenant(tenantId))
            {
                var row = await db.ModelVersions.AsNoTracking().Where(v => v.Id == versionId).Select(v => new { v.ArtifactId }).FirstOrDefaultAsync(cancellationToken);
                if (row is null)
                {
                    return false;
                }

                readArtifact = row.ArtifactId;
            }

            BlendModel? forgotten;
            try
            {
                await using var stream = await store.OpenReadAsync(tenantId, readArtifact, cancellationToken);
                forgotten = BlendModel.LoadWithoutEndUsers(stream, storedEndUserIds);
            }
            catch (Exception ex) when (ex is NotFoundException or ModelArtifactCorruptedException or InvalidDataException)
            {
                // Unreadable artifacts are refused for serving already (the version is marked unusable when asked for).
                logger.LogWarning(ex, "Erasure: the artifact of model version {VersionId} could not be read and was not rewritten.", versionId);
                return false;
            }

            if (forgotten is null)
            {
                return false;
            }

            var artifact = await SaveAsync(tenantId, forgotten, cancellationToken);
            bool pointed;
            try
            {
                pointed = await PointAsync(tenantId, versionId, readArtifact, artifact, cancellationToken);
            }
            catch
            {
                await store.DeleteAsync(tenantId, artifact.Id, CancellationToken.None);
                throw;
            }

            if (!pointed)
            {
                await store.DeleteAsync(tenantId, artifact.Id, CancellationToken.None);
                if (attempt < Attempts)
                {
                    continue;
                }

                throw new InvalidOperationException($"Model version {versionId} kept changing while an erasure rewrote it; run the erasure again.");
            }

            cache.Replace(tenantId, versionId, forgotten);
            await DeleteOldAsync(tenantId, readArtifact);
            return true;
        }
    }

    private async Task<ModelArtifact> SaveAsync(Guid tenantId, BlendModel model, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        return await store.SaveAsync(tenantId, Guid.CreateVersion7(), buffer, cancellationToken);
    }

    /// <summary>Points the version at the new artifact unless its artifact changed since it was read (one conditional update).</summary>
    private async Task<bool> PointAsync(Guid tenantId, Guid versionId, Guid readArtifact, ModelArtifact artifact, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        var updated = await db.ModelVersions.Where(v => v.Id == versionId && v.ArtifactId == readArtifact)
            .ExecuteUpdateAsync(s => s
                .SetProperty(v => v.ArtifactId, artifact.Id)
                .SetProperty(v => v.ArtifactSha256, artifact.Sha256)
                .SetProperty(v => v.ArtifactLength, artifact.Length), cancellationToken);
        return updated == 1;
    }

    private async Task DeleteOldAsync(Guid tenantId, Guid artifactId)
    {
        try
        {
            await store.DeleteAsync(tenantId, artifactId, CancellationToken.None);
        }
        catch (IOException ex)
        {
            logger.LogError(ex, "Erasure: the replaced artifact {ArtifactId} could not be deleted; delete it by hand, it still names the erased end-user.", artifactId);
            throw;
        }
    }
}
