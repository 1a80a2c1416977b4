using System.Security.Cryptography;
using Dashboard.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Infrastructure.Storage;

/// <summary>
/// Files as chunk rows in the app's database, each read and written through a context bound to the
/// tenant, so the tenant filter decides what exists. One chunk at a time is in memory, whatever the size.
/// </summary>
internal sealed class DatabaseBlobStore(IDbContextFactory<DashboardDbContext> factory, TimeProvider time)
{
    /// <summary>1 MiB: a 200 MB upload is 200 rows; small enough for any provider's parameter limits.</summary>
    public const int DefaultChunkSize = 1024 * 1024;

    /// <summary>
    /// Streams <paramref name="content"/> into a new blob. Returns null when it is longer than
    /// <paramref name="maxBytes"/> (nothing is kept); never reads past the limit + 1 byte. Each chunk is its own
    /// short transaction: a long one would hold SQLite's write lock for as long as the upload takes.
    /// </summary>
    public async Task<StoredBlob?> WriteAsync(
        Guid tenantId, Guid blobId, StoredBlobKind kind, Stream content, long maxBytes, CancellationToken cancellationToken, int chunkSize = DefaultChunkSize)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = new StoredBlob { Id = blobId, Kind = kind, ChunkSize = chunkSize, CreatedAtUtc = time.GetUtcNow().UtcDateTime };
        await using (var db = await CreateAsync(tenantId, cancellationToken))
        {
            db.StoredBlobs.Add(blob);
            await db.SaveChangesAsync(cancellationToken);
        }

        var keep = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var db = await CreateAsync(tenantId, cancellationToken);
            long total = 0;
            for (var sequence = 0; ; sequence++)
            {
                var want = (int)Math.Min(chunkSize, maxBytes + 1 - total);
                var data = new byte[want];
                var read = await content.ReadAtLeastAsync(data, want, throwOnEndOfStream: false, cancellationToken);
                total += read;
                if (total > maxBytes)
                {
                    return null;
                }

                if (read > 0)
                {
                    hash.AppendData(data, 0, read);
                    db.StoredBlobChunks.Add(new StoredBlobChunk { BlobId = blobId, Sequence = sequence, Data = read == want ? data : data[..read] });
                    await db.SaveChangesAsync(cancellationToken);
                    db.ChangeTracker.Clear();
                }

                if (read < want)
                {
                    break;
                }
            }

            blob.Length = total;
            blob.Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            blob.IsComplete = true;
            db.StoredBlobs.Update(blob);
            await db.SaveChangesAsync(cancellationToken);
            keep = true;
            return blob;
        }
        finally
        {
            if (!keep)
            {
                // The caller's token may be what stopped the write; the clean-up must still run.
                await DeleteAsync(tenantId, blobId, CancellationToken.None);
            }
        }
    }

    /// <summary>The complete blob of this tenant with this id and kind, or null.</summary>
    public async Task<StoredBlob?> FindAsync(Guid tenantId, Guid blobId, StoredBlobKind kind, CancellationToken cancellationToken)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        return await db.StoredBlobs.AsNoTracking()
            .SingleOrDefaultAsync(b => b.Id == blobId && b.Kind == kind && b.IsComplete, cancellationToken);
    }

    /// <summary>True when any blob (complete or not) of any kind has this id in this tenant.</summary>
    public async Task<bool> AnyAsync(Guid tenantId, Guid blobId, CancellationToken cancellationToken)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        return await db.StoredBlobs.AnyAsync(b => b.Id == blobId, cancellationToken);
    }

    public Stream OpenRead(Guid tenantId, StoredBlob blob) => new DatabaseBlobReadStream(this, tenantId, blob);

    public async Task DeleteAsync(Guid tenantId, Guid blobId, CancellationToken cancellationToken)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        await db.StoredBlobChunks.Where(c => c.BlobId == blobId).ExecuteDeleteAsync(cancellationToken);
        await db.StoredBlobs.Where(b => b.Id == blobId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A chunk's bytes; a missing chunk reads as empty, so a damaged blob ends early instead of throwing mid-read.</summary>
    internal async Task<byte[]> ReadChunkAsync(Guid tenantId, Guid blobId, int sequence, CancellationToken cancellationToken)
    {
        await using var db = await CreateAsync(tenantId, cancellationToken);
        return await db.StoredBlobChunks.Where(c => c.BlobId == blobId && c.Sequence == sequence).Select(c => c.Data).SingleOrDefaultAsync(cancellationToken) ?? [];
    }

    internal byte[] ReadChunk(Guid tenantId, Guid blobId, int sequence)
    {
        using var db = factory.CreateDbContext();
        db.BindTenant(tenantId);
        return db.StoredBlobChunks.Where(c => c.BlobId == blobId && c.Sequence == sequence).Select(c => c.Data).SingleOrDefault() ?? [];
    }

    private async Task<DashboardDbContext> CreateAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A tenant id is required.", nameof(tenantId));
        }

        var db = await factory.CreateDbContextAsync(cancellationToken);
        db.BindTenant(tenantId);
        return db;
    }
}
