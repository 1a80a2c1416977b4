using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Dashboard.Web.Tests.Support;

/// <summary>The code an authenticator app shows, computed as the app computes it.</summary>
public static class Totp
{
    /// <summary>RFC 6238 with Identity's parameters: base32 key, HMAC-SHA1, 30-second steps, 6 digits.</summary>
    public static string Code(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var key = new List<byte>();
        foreach (var c in base32Key.ToUpperInvariant().TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                key.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; this computes what they compute.
        var hash = HMACSHA1.HashData([.. key], counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
