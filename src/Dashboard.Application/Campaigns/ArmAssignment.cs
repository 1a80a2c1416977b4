using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Campaigns;

/// <summary>
/// Which arm of a campaign an end-user gets: the SHA-256 of the campaign id and the end-user's id as stored,
/// as a bucket 0–9,999, against the arms' cumulative shares in <see cref="CampaignArm.Position"/> order. The
/// same end-user gets the same arm on every node, request and export, and different campaigns split people
/// independently. No state is kept.
/// </summary>
public static class ArmAssignment
{
    public const int Buckets = 10_000;

    /// <summary>The end-user's bucket in the campaign, 0 to <see cref="Buckets"/> − 1.</summary>
    public static int Bucket(Guid campaignId, string storedEndUserId)
    {
        ArgumentNullException.ThrowIfNull(storedEndUserId);
        var text = Encoding.UTF8.GetBytes(campaignId.ToString("N") + ":" + storedEndUserId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text, hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Buckets);
    }

    /// <summary>
    /// The arm the end-user is assigned to. <paramref name="arms"/> must have shares adding up to 100 (the campaign
    /// service refuses others); they are taken in <see cref="CampaignArm.Position"/> order.
    /// </summary>
    public static CampaignArm Assign(IReadOnlyList<CampaignArm> arms, Guid campaignId, string storedEndUserId)
    {
        ArgumentNullException.ThrowIfNull(arms);
        if (arms.Count == 0)
        {
            throw new ArgumentException("A campaign has at least one arm.", nameof(arms));
        }

        var bucket = Bucket(campaignId, storedEndUserId);
        var upTo = 0;
        CampaignArm? last = null;
        foreach (var arm in arms.OrderBy(a => a.Position))
        {
            upTo += arm.SharePercent * (Buckets / 100);
            last = arm;
            if (bucket < upTo)
            {
                return arm;
            }
        }

        // Shares short of 100 % leave the top buckets to the last arm rather than to nobody.
        return last!;
    }
}
