using Dashboard.Application.Common;
using Dashboard.Application.ModelStore;

namespace Dashboard.Infrastructure.Storage;

/// <summary>Model artifacts as chunk rows in the database (Storage:Provider = Database), visible to every node.</summary>
internal sealed class DatabaseModelArtifactStore(DatabaseBlobStore blobs) : IModelArtifactStore
{
    /// <summary>Artifacts have no size limit; the blob writer reads up to its limit + 1, so one less than the maximum.</summary>
    private const long NoLimit = long.MaxValue - 1;

    public async Task<ModelArtifact> SaveAsync(Guid tenantId, Guid artifactId, Stream content, CancellationToken cancellationToken)
    {
        if (await blobs.AnyAsync(tenantId, artifactId, cancellationToken))
        {
            throw new InvalidOperationException($"Model artifact {artifactId} already exists; artifacts are never overwritten.");
        }

        var blob = await blobs.WriteAsync(tenantId, artifactId, StoredBlobKind.ModelArtifact, content, NoLimit, cancellationToken);
        return new ModelArtifact(artifactId, blob!.Length, blob.Sha256);
    }

    public async Task<Stream> OpenReadAsync(Guid tenantId, Guid artifactId, CancellationToken cancellationToken)
    {
        var blob = await blobs.FindAsync(tenantId, artifactId, StoredBlobKind.ModelArtifact, cancellationToken)
            ?? throw new NotFoundException($"Model artifact {artifactId} was not found.");
        var stream = blobs.OpenRead(tenantId, blob);
        try
        {
            await Checksums.VerifyAsync(stream, blob.Length, blob.Sha256, cancellationToken);
            return stream;
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    public Task DeleteAsync(Guid tenantId, Guid artifactId, CancellationToken cancellationToken) =>
        blobs.DeleteAsync(tenantId, artifactId, cancellationToken);
}
