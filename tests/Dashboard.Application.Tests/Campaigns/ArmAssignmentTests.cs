using Dashboard.Application.Campaigns;
using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Tests.Campaigns;

public sealed class ArmAssignmentTests
{
    private static readonly Guid CampaignId = Guid.Parse("6f1c2f3e-0d5a-4b8e-9a51-2b7c1e0f4a10");

    private static List<CampaignArm> Arms(params int[] shares) =>
        [.. shares.Select((share, i) => new CampaignArm { Name = ((char)('A' + i)).ToString(), SharePercent = share, Position = i, Id = Guid.NewGuid() })];

    [Fact]
    public void The_same_end_user_gets_the_same_bucket_every_time()
    {
        Assert.Equal(ArmAssignment.Bucket(CampaignId, "u00042"), ArmAssignment.Bucket(CampaignId, "u00042"));
    }

    [Fact]
    public void The_bucket_is_a_known_value_so_it_cannot_change_between_releases_unseen()
    {
        // SHA-256("6f1c2f3e0d5a4b8e9a512b7c1e0f4a10:u00042"), first 8 bytes big-endian, mod 10,000.
        var expected = (int)(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(
            System.Security.Cryptography.SHA256.HashData("6f1c2f3e0d5a4b8e9a512b7c1e0f4a10:u00042"u8)) % 10_000);
        Assert.Equal(expected, ArmAssignment.Bucket(CampaignId, "u00042"));
    }

    [Fact]
    public void Shares_split_many_end_users_close_to_the_configured_proportions()
    {
        var arms = Arms(70, 30);
        var counts = Enumerable.Range(0, 20_000)
            .Select(i => ArmAssignment.Assign(arms, CampaignId, $"u{i:00000}").Name)
            .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(counts["A"] / 20_000.0, 0.68, 0.72);
        Assert.InRange(counts["B"] / 20_000.0, 0.28, 0.32);
    }

    [Fact]
    public void Different_campaigns_split_the_same_people_independently()
    {
        var other = Guid.Parse("0b9d6c5e-1111-4222-8333-944455556666");
        var arms = Arms(50, 50);
        var same = Enumerable.Range(0, 4_000).Count(i =>
            ArmAssignment.Assign(arms, CampaignId, $"u{i}").Name == ArmAssignment.Assign(arms, other, $"u{i}").Name);
        Assert.InRange(same / 4_000.0, 0.45, 0.55);
    }

    [Fact]
    public void Arms_are_taken_in_position_order_whatever_the_list_order()
    {
        var arms = Arms(100, 0);
        arms.Reverse();
        Assert.Equal("A", ArmAssignment.Assign(arms, CampaignId, "anyone").Name);
    }
}
