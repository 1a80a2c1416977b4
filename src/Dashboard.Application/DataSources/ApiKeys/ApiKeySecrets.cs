using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Application.DataSources.ApiKeys;

/// <summary>
/// How an events-API key looks and how it is stored: <c>dk_</c> + base64url of 32 random bytes; only
/// the lower-case hex SHA-256 of the whole key and a short display prefix are kept. A plain hash (no
/// salt, no slow KDF) is enough because the key has 256 random bits: there is nothing to guess.
/// </summary>
public static class ApiKeySecrets
{
    public const string KeyPrefix = "dk_";

    /// <summary>Characters of the key shown in lists ("dk_" and the next five).</summary>
    public const int DisplayPrefixLength = 8;

    /// <summary>Longest key worth hashing; anything longer cannot be one of ours.</summary>
    public const int MaxPresentedLength = 128;

    public static string Generate()
    {
        Span<byte> random = stackalloc byte[32];
        RandomNumberGenerator.Fill(random);
        return KeyPrefix + Base64Url.EncodeToString(random);
    }

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    public static string DisplayPrefix(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Length <= DisplayPrefixLength ? key : key[..DisplayPrefixLength];
    }

    /// <summary>Compares two hex hashes in time that does not depend on where they differ.</summary>
    public static bool HashesEqual(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
    }

    /// <summary>True when <paramref name="presented"/> has the shape of a key this app issues.</summary>
    public static bool LooksLikeKey(string? presented) =>
        presented is { Length: > 3 and <= MaxPresentedLength } && presented.StartsWith(KeyPrefix, StringComparison.Ordinal);
}
