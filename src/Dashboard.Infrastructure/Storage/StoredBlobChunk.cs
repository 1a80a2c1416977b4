using Dashboard.Domain.Tenancy;

namespace Dashboard.Infrastructure.Storage;

/// <summary>One piece of a <see cref="StoredBlob"/>, numbered from 0.</summary>
public sealed class StoredBlobChunk : ITenantOwned
{
    public Guid BlobId { get; set; }

    public int Sequence { get; set; }

    public Guid TenantId { get; set; }

    public byte[] Data { get; set; } = [];
}
