using System.Security.Cryptography;

namespace Dashboard.Recommender.Privacy;

/// <summary>Draws from the operating system's cryptographic generator, so released noise cannot be predicted or replayed.</summary>
public sealed class CryptoRandomSource : IRandomSource
{
    public static CryptoRandomSource Instance { get; } = new();

    /// <summary>53 random bits scaled to [0, 1): every double of that grid is equally likely.</summary>
    public double NextDouble()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return (BitConverter.ToUInt64(bytes) >> 11) * (1.0 / (1UL << 53));
    }
}
