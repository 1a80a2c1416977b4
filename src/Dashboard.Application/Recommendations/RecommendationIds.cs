using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Dashboard.Application.Recommendations;

/// <summary>
/// The <c>recommendation_id</c> of a served list: <c>rec_</c> + base64url of 16 bytes — 6 bytes of Unix
/// milliseconds (ids sort by time, which keeps the log's index appends cheap) and 10 random bytes. Made on
/// the request path without touching the database; the list is logged afterwards under this id.
/// </summary>
public static class RecommendationIds
{
    public const string Prefix = "rec_";

    /// <summary>Prefix plus 22 base64url characters.</summary>
    public const int Length = 26;

    public static string New(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        Span<byte> millis = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(millis, now.ToUnixTimeMilliseconds());
        millis[2..].CopyTo(bytes);
        RandomNumberGenerator.Fill(bytes[6..]);
        return Prefix + Base64Url.EncodeToString(bytes);
    }

    /// <summary>True when <paramref name="id"/> has the shape of an id the serving API issues (it may still never have been issued).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: Length } && id.StartsWith(Prefix, StringComparison.Ordinal) && Base64Url.IsValid(id.AsSpan(Prefix.Length), out var decoded) && decoded == 16;

}
