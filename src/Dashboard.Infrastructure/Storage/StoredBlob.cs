using Dashboard.Domain.Tenancy;

namespace Dashboard.Infrastructure.Storage;

/// <summary>
/// A file kept in the database (Storage:Provider = Database): this header plus its
/// <see cref="StoredBlobChunk"/> rows. Chunks are written one short transaction each, so a half-written
/// blob exists for a while; it is readable only once <see cref="IsComplete"/> is set.
/// </summary>
public sealed class StoredBlob : ITenantOwned
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public StoredBlobKind Kind { get; set; }

    public long Length { get; set; }

    /// <summary>Size of every chunk but the last, fixed when the blob is written.</summary>
    public int ChunkSize { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex; empty until complete.</summary>
    public string Sha256 { get; set; } = string.Empty;

    public bool IsComplete { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
