using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dashboard.Application.Common;

namespace Dashboard.Application.Training;

/// <summary>
/// Who and what a version was trained on. <see cref="EndUserIdsSha256"/> lets anyone check later whether a given
/// set of end-users is exactly the one a version learnt from (e.g. after an erasure) without storing the ids again.
/// The consent fields record the consent gate's answer at training time: <see cref="EndUsers"/> were included,
/// <see cref="EndUsersExcludedByConsent"/> had data but no consent for <see cref="ConsentPurpose"/> at <see cref="ConsentAsOfUtc"/>.
/// </summary>
public sealed record DataManifest(
    int EndUsers, int Items, long Interactions, DateTime? FirstInteractionUtc, DateTime? LastInteractionUtc, string EndUserIdsSha256,
    string ConsentPurpose, DateTime ConsentAsOfUtc, string ConsentBasis, int EndUsersExcludedByConsent = 0)
{
    /// <summary>What the consent gate did at training time: "1,888 end-users included; 87 left out for lack of Personalisation consent".</summary>
    public string ConsentCounts() =>
        $"{PlainWords.Counted(EndUsers, "end-user")} included; {EndUsersExcludedByConsent.ToString("N0", CultureInfo.InvariantCulture)} left out for lack of {ConsentPurpose} consent";

    public string ToJson() => JsonSerializer.Serialize(this);

    public static DataManifest FromJson(string json) =>
        JsonSerializer.Deserialize<DataManifest>(json) ?? throw new JsonException("A version's manifest is empty.");

    /// <summary>
    /// SHA-256 (lower-case hex) over the end-users' ids sorted ordinally, each followed by a line feed, in UTF-8:
    /// the same set gives the same hash whatever order the data was read in.
    /// </summary>
    public static string HashEndUserIds(IEnumerable<string> endUserIds)
    {
        ArgumentNullException.ThrowIfNull(endUserIds);
        var sorted = endUserIds.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[256];
        foreach (var id in sorted)
        {
            var needed = Encoding.UTF8.GetMaxByteCount(id.Length) + 1;
            if (buffer.Length < needed)
            {
                buffer = new byte[needed];
            }

            var written = Encoding.UTF8.GetBytes(id, buffer);
            buffer[written] = (byte)'\n';
            sha.AppendData(buffer, 0, written + 1);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
