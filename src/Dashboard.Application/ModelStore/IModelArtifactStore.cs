namespace Dashboard.Application.ModelStore;

/// <summary>
/// Trained model artifacts, addressed by tenant + id. An artifact is written once and never changed (a
/// second write of the same id is refused); its SHA-256 is recorded when it is written and checked on
/// every read, so a damaged artifact is refused instead of being served. Another tenant's id is simply
/// not found.
/// </summary>
public interface IModelArtifactStore
{
    /// <summary>
    /// Streams <paramref name="content"/> into a new artifact. Throws <see cref="InvalidOperationException"/>
    /// when the tenant already has an artifact with this id.
    /// </summary>
    Task<ModelArtifact> SaveAsync(Guid tenantId, Guid artifactId, Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Opens an artifact after checking its content against the recorded checksum. Throws
    /// <see cref="Common.NotFoundException"/> when the tenant has no such artifact and
    /// <see cref="ModelArtifactCorruptedException"/> when the content does not match.
    /// </summary>
    Task<Stream> OpenReadAsync(Guid tenantId, Guid artifactId, CancellationToken cancellationToken);

    /// <summary>Removes an artifact (e.g. one whose training failed after writing it); nothing happens when there is none.</summary>
    Task DeleteAsync(Guid tenantId, Guid artifactId, CancellationToken cancellationToken);
}
