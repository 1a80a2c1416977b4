using Dashboard.Recommender.Serving;

namespace Dashboard.Application.Training;

/// <summary>
/// The active version of each blend, loaded once per node and replaced as a whole when the blend's active
/// pointer moves (on this node or another). Serving code asks it for every request; a request never sees a
/// half-loaded model.
/// </summary>
public interface IActiveModelCache
{
    /// <summary>The blend's active model, by blend name or id; null when the blend is unknown or has no usable active version.</summary>
    Task<ActiveModel?> GetAsync(Guid tenantId, string blendNameOrId, CancellationToken cancellationToken = default);

    /// <summary>Tells this node the blend's active pointer moved, so the next request reads it instead of waiting for the periodic check.</summary>
    void Refresh(Guid tenantId, Guid blendId);

    /// <summary>
    /// Serves <paramref name="model"/> wherever this node holds or is loading version <paramref name="versionId"/>, in one
    /// reference swap per blend: an erasure rewrote the version without an end-user, and requests must stop seeing
    /// them at once rather than at the next activation.
    /// </summary>
    void Replace(Guid tenantId, Guid versionId, BlendModel model);
}
