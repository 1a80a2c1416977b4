namespace Dashboard.Infrastructure.Storage;

/// <summary>
/// A read-only, seekable view of a complete <see cref="StoredBlob"/> that holds one chunk at a time; a
/// chunk is fetched (through a short-lived, tenant-bound context) when the position first enters it.
/// Seekable because the import readers rewind after sniffing the encoding and report progress by position.
/// </summary>
internal sealed class DatabaseBlobReadStream(DatabaseBlobStore store, Guid tenantId, StoredBlob blob) : Stream
{
    private byte[] _chunk = [];
    private int _chunkSequence = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => blob.Length;

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (!NeedsChunk(out var sequence))
        {
            return CopyTo(buffer);
        }

        if (sequence < 0)
        {
            return 0;
        }

        _chunk = store.ReadChunk(tenantId, blob.Id, sequence);
        _chunkSequence = sequence;
        return CopyTo(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (NeedsChunk(out var sequence))
        {
            if (sequence < 0)
            {
                return 0;
            }

            _chunk = await store.ReadChunkAsync(tenantId, blob.Id, sequence, cancellationToken);
            _chunkSequence = sequence;
        }

        return CopyTo(buffer.Span);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => blob.Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>False when the loaded chunk covers the position; else the chunk to load, or -1 at the end.</summary>
    private bool NeedsChunk(out int sequence)
    {
        sequence = -1;
        if (_position >= blob.Length)
        {
            return true;
        }

        var wanted = (int)(_position / blob.ChunkSize);
        if (wanted == _chunkSequence)
        {
            return false;
        }

        sequence = wanted;
        return true;
    }

    private int CopyTo(Span<byte> buffer)
    {
        var offset = (int)(_position - ((long)_chunkSequence * blob.ChunkSize));
        var count = Math.Max(0, Math.Min(buffer.Length, _chunk.Length - offset));
        _chunk.AsSpan(offset, count).CopyTo(buffer);
        _position += count;
        return count;
    }
}
