using Dashboard.Application.DataSources;
using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Storage;

/// <summary>Uploaded files as chunk rows in the database (Storage:Provider = Database), visible to every node.</summary>
internal sealed class DatabaseUploadStore(DatabaseBlobStore blobs, IOptions<DataSourcesOptions> options) : IUploadStore
{
    public long MaxBytes => options.Value.MaxUploadBytes;

    public async Task<(string StoredName, long Size)?> SaveAsync(Guid tenantId, Stream content, CancellationToken cancellationToken)
    {
        var blob = await blobs.WriteAsync(tenantId, Guid.NewGuid(), StoredBlobKind.Upload, content, MaxBytes, cancellationToken);
        return blob is null ? null : (blob.Id.ToString("N"), blob.Length);
    }

    public async Task<Stream> OpenReadAsync(Guid tenantId, string storedName, CancellationToken cancellationToken)
    {
        var blob = await FindAsync(tenantId, storedName, cancellationToken)
            ?? throw new FileNotFoundException("This organisation has no such uploaded file.", storedName);
        return blobs.OpenRead(tenantId, blob);
    }

    public async Task<bool> ExistsAsync(Guid tenantId, string storedName, CancellationToken cancellationToken) =>
        await FindAsync(tenantId, storedName, cancellationToken) is not null;

    public async Task DeleteAsync(Guid tenantId, string? storedName, CancellationToken cancellationToken)
    {
        if (Guid.TryParseExact(storedName, "N", out var id))
        {
            await blobs.DeleteAsync(tenantId, id, cancellationToken);
        }
    }

    /// <summary>A name from the local store (or anywhere else) that is not one of ours is simply not there.</summary>
    private async Task<StoredBlob?> FindAsync(Guid tenantId, string storedName, CancellationToken cancellationToken) =>
        Guid.TryParseExact(storedName, "N", out var id) ? await blobs.FindAsync(tenantId, id, StoredBlobKind.Upload, cancellationToken) : null;
}
