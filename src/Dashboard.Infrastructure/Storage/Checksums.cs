using System.Security.Cryptography;
using Dashboard.Application.ModelStore;

namespace Dashboard.Infrastructure.Storage;

internal static class Checksums
{
    /// <summary>
    /// Reads <paramref name="stream"/> to its end, compares length and SHA-256 with what was recorded, and
    /// rewinds it. Throws <see cref="ModelArtifactCorruptedException"/> on a mismatch.
    /// </summary>
    public static async Task VerifyAsync(Stream stream, long expectedLength, string expectedSha256, CancellationToken cancellationToken)
    {
        var (length, sha256) = await ComputeAsync(stream, cancellationToken);
        if (length != expectedLength || !string.Equals(sha256, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelArtifactCorruptedException(
                $"The model artifact does not match its checksum (expected {expectedLength} bytes, SHA-256 {expectedSha256}; found {length} bytes, {sha256}).");
        }

        stream.Position = 0;
    }

    public static async Task<(long Length, string Sha256)> ComputeAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81_920];
        long length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }

        return (length, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
