using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Recommender.Privacy;

/// <summary>
/// Keyed pseudonyms of end-user ids: HMAC-SHA256 of the id's UTF-8 bytes under a tenant's key, written as
/// <see cref="Prefix"/> + 64 lowercase hex digits (always <see cref="Length"/> characters). Without the key
/// a pseudonym cannot be linked back to an id, not even by hashing guessed ids; with it, the same id always
/// gives the same pseudonym, so every entry point finds the same person.
/// <para>
/// A key rotation cannot undo the old HMAC (it is one-way), so a rotated pseudonym is the new key's HMAC of
/// the old pseudonym: an id under keys k₁…kₙ is HMAC(kₙ, … HMAC(k₁, id)). <see cref="Of(IReadOnlyList{byte[]}, string)"/>
/// applies such a chain.
/// </para>
/// </summary>
public static class Pseudonym
{
    public const string Prefix = "p-";

    /// <summary>Bytes of a key: SHA-256's block-size guidance asks for at least its output size.</summary>
    public const int KeyBytes = 32;

    public const int Length = 2 + (2 * HashBytes);

    private const int HashBytes = 32;

    /// <summary>Ids up to this many UTF-8 bytes are encoded on the stack (every id the ingestion rules accept).</summary>
    private const int StackBytes = 1024;

    /// <summary>HMAC-SHA256 of <paramref name="message"/> under <paramref name="key"/> into 32 bytes of <paramref name="destination"/>.</summary>
    public static void Hmac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> destination) =>
        HMACSHA256.HashData(key, message, destination);

    /// <summary>The pseudonym of <paramref name="id"/> under one key. Allocates the result string only.</summary>
    public static string Of(ReadOnlySpan<byte> key, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var byteCount = Encoding.UTF8.GetByteCount(id);
        Span<byte> utf8 = byteCount > StackBytes ? new byte[byteCount] : stackalloc byte[StackBytes];
        var written = Encoding.UTF8.GetBytes(id, utf8);
        Span<byte> hash = stackalloc byte[HashBytes];
        Hmac(key, utf8[..written], hash);
        Span<char> text = stackalloc char[Length];
        text[0] = Prefix[0];
        text[1] = Prefix[1];
        Convert.TryToHexStringLower(hash, text[2..], out _);
        return new string(text);
    }

    /// <summary>The pseudonym of <paramref name="id"/> under a chain of keys, oldest first (see the type's remarks); the id itself for an empty chain.</summary>
    public static string Of(IReadOnlyList<byte[]> keys, string id)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var current = id;
        foreach (var key in keys)
        {
            current = Of(key, current);
        }

        return current;
    }

    /// <summary>True for text in the pseudonym format (prefix and 64 lowercase hex digits).</summary>
    public static bool IsPseudonym(string? text)
    {
        if (text is null || text.Length != Length || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text.AsSpan(2))
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
