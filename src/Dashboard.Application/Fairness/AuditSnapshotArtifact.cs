using System.Security.Cryptography;

namespace Dashboard.Application.Fairness;

/// <summary>
/// Where a version's audit snapshot lives in the model artifact store. Its id is derived from the training run's
/// id (as the model's own artifact id is the run's id), so whatever a failed or killed training stored can be
/// found from the run alone and deleted.
/// </summary>
public static class AuditSnapshotArtifact
{
    private static readonly byte[] Purpose = "dashboard audit snapshot v1"u8.ToArray();

    /// <summary>The snapshot artifact id of the training run <paramref name="trainingRunId"/>; never equal to the run's own id.</summary>
    public static Guid IdFor(Guid trainingRunId)
    {
        Span<byte> input = stackalloc byte[Purpose.Length + 16];
        Purpose.CopyTo(input);
        trainingRunId.TryWriteBytes(input[Purpose.Length..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input, hash);
        // RFC 9562 version 8 (custom) with the RFC variant, so it reads as a well-formed GUID.
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }

    /// <summary>The artifacts a version holds in the store: its model and, when it has one, its audit snapshot.</summary>
    public static IEnumerable<Guid> Of(Guid modelArtifactId, Guid? snapshotArtifactId) =>
        snapshotArtifactId is { } snapshot ? [modelArtifactId, snapshot] : [modelArtifactId];
}
