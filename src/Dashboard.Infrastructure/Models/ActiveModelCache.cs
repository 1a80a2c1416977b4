using System.Collections.Concurrent;
using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Infrastructure.Models;

/// <summary>
/// The active model of each blend on this node. A request reads an immutable slot (blend, model, when the
/// pointer was last checked) from a concurrent dictionary; a new version is loaded completely before its slot
/// replaces the old one in one reference swap, so a request sees the old model or the new one, never a half-loaded
/// one. Concurrent first requests for a version share one load (a lazy task per version). When the pointer moves,
/// the old version's entry is dropped so its memory is released once the requests still holding it finish.
/// <para>
/// Another node's activation is noticed by re-reading the blend's pointer (one indexed row) at most every
/// <see cref="RecheckInterval"/> per blend — not on every request, which would add a database round trip to each
/// recommendation. <see cref="Refresh"/> makes this node's own activations visible at once. A version whose stored
/// artifact was replaced (re-keyed when the organisation pseudonymised its end-user ids or rotated the key) is
/// loaded again the same way, so no node keeps serving end-users by their old ids.
/// </para>
/// A damaged or missing artifact is refused: the version is marked unusable and the model served before keeps serving.
/// </summary>
internal sealed class ActiveModelCache(
    ITenantDbContextFactory dbFactory, IModelArtifactStore store, IAuditLog audit, TimeProvider time, ILogger<ActiveModelCache> logger) : IActiveModelCache
{
    public const string Actor = "the app (loading a model)";

    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(Guid Tenant, string Key), Slot> _slots = new();
    private readonly ConcurrentDictionary<(Guid Tenant, Guid Artifact), Lazy<Task<BlendModel>>> _loads = new();

    public async Task<ActiveModel?> GetAsync(Guid tenantId, string blendNameOrId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blendNameOrId);
        var key = (tenantId, blendNameOrId.Trim());
        var now = time.GetUtcNow();
        if (_slots.TryGetValue(key, out var slot) && now - slot.CheckedAt < RecheckInterval)
        {
            return slot.Model;
        }

        var pointer = await ReadPointerAsync(tenantId, key.Item2, cancellationToken);
        if (pointer is null)
        {
            _slots.TryRemove(key, out _);
            return null;
        }

        var served = slot?.BlendId == pointer.BlendId ? slot.Model : null;
        var servedArtifact = served is null ? Guid.Empty : slot!.ArtifactId;
        if (pointer.VersionId is not { } versionId)
        {
            _slots[key] = new Slot(pointer.BlendId, null, Guid.Empty, now);
            return null;
        }

        if ((served?.VersionId == versionId && servedArtifact == pointer.ArtifactId) || pointer.Status == ModelVersionStatus.Unusable)
        {
            // The same version, or one found unusable since it was activated: what served before keeps serving.
            _slots[key] = new Slot(pointer.BlendId, served, servedArtifact, now);
            return served;
        }

        var load = _loads.GetOrAdd((tenantId, pointer.ArtifactId), a => new Lazy<Task<BlendModel>>(() => LoadAsync(a.Tenant, a.Artifact)));
        try
        {
            var model = await load.Value.WaitAsync(cancellationToken);
            if (_loads.TryGetValue((tenantId, versionId), out var current) && current != load && current.IsValueCreated && current.Value.IsCompletedSuccessfully)
            {
                // An erasure replaced the version while this request was loading it: serve the rewritten model.
                model = current.Value.Result;
            }

            var active = new ActiveModel(pointer.BlendId, pointer.BlendName, versionId, pointer.Number, model);
            _slots[key] = new Slot(pointer.BlendId, active, pointer.ArtifactId, now);
            if (served is not null)
            {
                _loads.TryRemove((tenantId, servedArtifact), out _);
            }

            return active;
        }
        catch (ModelUnusableException ex)
        {
            _loads.TryRemove(new KeyValuePair<(Guid, Guid), Lazy<Task<BlendModel>>>((tenantId, pointer.ArtifactId), load));
            await MarkUnusableAsync(tenantId, pointer, ex.Message);
            _slots[key] = new Slot(pointer.BlendId, served, servedArtifact, now);
            return served;
        }
    }

    public void Refresh(Guid tenantId, Guid blendId)
    {
        foreach (var (key, slot) in _slots)
        {
            if (key.Tenant == tenantId && slot.BlendId == blendId)
            {
                _slots.TryUpdate(key, slot with { CheckedAt = DateTimeOffset.MinValue }, slot);
            }
        }
    }

    public void Replace(Guid tenantId, Guid versionId, BlendModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var replaced = new Lazy<Task<BlendModel>>(Task.FromResult(model));
        _ = replaced.Value;
        _loads[(tenantId, versionId)] = replaced;
        foreach (var (key, slot) in _slots)
        {
            if (key.Tenant == tenantId && slot.Model?.VersionId == versionId)
            {
                _slots.TryUpdate(key, slot with { Model = slot.Model with { Model = model } }, slot);
            }
        }
    }

    private async Task<Pointer?> ReadPointerAsync(Guid tenantId, string nameOrId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.CreateForTenant(tenantId);
        var blends = Guid.TryParse(nameOrId, out var id) ? db.Blends.Where(b => b.Id == id) : db.Blends.Where(b => b.Name == nameOrId);
        var blend = await blends.AsNoTracking().Select(b => new { b.Id, b.Name, b.ActiveVersionId }).FirstOrDefaultAsync(cancellationToken);
        if (blend is null)
        {
            return null;
        }

        var version = blend.ActiveVersionId is { } active
            ? await db.ModelVersions.AsNoTracking().Where(v => v.Id == active).Select(v => new { v.Number, v.Status, v.ArtifactId }).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new Pointer(
            blend.Id, blend.Name, version is null ? null : blend.ActiveVersionId, version?.Number ?? 0, version?.Status ?? ModelVersionStatus.Ready, version?.ArtifactId ?? Guid.Empty);
    }

    private async Task<BlendModel> LoadAsync(Guid tenantId, Guid artifactId)
    {
        try
        {
            // Not the request's token: the load is shared by every request waiting for this version.
            await using var stream = await store.OpenReadAsync(tenantId, artifactId, CancellationToken.None);
            return BlendModel.Load(stream);
        }
        catch (ModelArtifactCorruptedException ex)
        {
            throw new ModelUnusableException("its stored model is damaged (it does not match its checksum).", ex);
        }
        catch (NotFoundException ex)
        {
            throw new ModelUnusableException("its stored model is missing from the model store.", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new ModelUnusableException("its stored model could not be read by this version of the engine.", ex);
        }
    }

    private async Task MarkUnusableAsync(Guid tenantId, Pointer pointer, string reason)
    {
        logger.LogError("Model version {Number} of blend {BlendId} cannot be loaded: {Reason}", pointer.Number, pointer.BlendId, reason);
        await using var db = dbFactory.CreateForTenant(tenantId);
        var version = await db.ModelVersions.FirstOrDefaultAsync(v => v.Id == pointer.VersionId, CancellationToken.None);
        if (version is null || version.Status == ModelVersionStatus.Unusable)
        {
            return;
        }

        version.Status = ModelVersionStatus.Unusable;
        version.UnusableReason = reason;
        audit.Record(db, tenantId, null, Actor, AuditActions.ModelVersionUnusable, pointer.BlendName, null, $"version {pointer.Number}: {reason}");
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private sealed record Slot(Guid BlendId, ActiveModel? Model, Guid ArtifactId, DateTimeOffset CheckedAt);

    private sealed record Pointer(Guid BlendId, string BlendName, Guid? VersionId, int Number, ModelVersionStatus Status, Guid ArtifactId);
}
