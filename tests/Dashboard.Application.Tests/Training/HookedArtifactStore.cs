using Dashboard.Application.ModelStore;

namespace Dashboard.Application.Tests.Training;

/// <summary>The real artifact store with a hook that runs after an artifact was stored, to fail or cancel a run at that point.</summary>
internal sealed class HookedArtifactStore(IModelArtifactStore inner) : IModelArtifactStore
{
    public Action<Guid>? AfterSave { get; set; }

    public async Task<ModelArtifact> SaveAsync(Guid tenantId, Guid artifactId, Stream content, CancellationToken cancellationToken)
    {
        var saved = await inner.SaveAsync(tenantId, artifactId, content, cancellationToken);
        AfterSave?.Invoke(artifactId);
        return saved;
    }

    public Task<Stream> OpenReadAsync(Guid tenantId, Guid artifactId, CancellationToken cancellationToken) => inner.OpenReadAsync(tenantId, artifactId, cancellationToken);

    public Task DeleteAsync(Guid tenantId, Guid artifactId, CancellationToken cancellationToken) => inner.DeleteAsync(tenantId, artifactId, cancellationToken);
}
