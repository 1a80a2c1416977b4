using Dashboard.Application.Campaigns;
using Dashboard.Domain.Campaigns;

namespace Dashboard.Application.Tests.Campaigns;

public sealed class CampaignPreviewSampleTests
{
    private static readonly Guid CampaignId = Guid.Parse("0193a5c2-0000-7000-8000-000000000001");

    private static readonly CampaignArm[] Arms =
    [
        new() { Id = Guid.Parse("0193a5c2-0000-7000-8000-0000000000a1"), Name = "A", SharePercent = 50, Position = 0 },
        new() { Id = Guid.Parse("0193a5c2-0000-7000-8000-0000000000b1"), Name = "B", SharePercent = 50, Position = 1 },
    ];

    private static readonly string[] Members = [.. Enumerable.Range(0, 200).Select(i => $"u{i:00000}")];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(49)]
    public void Sample_OfAFiftyFiftySplit_ShowsEveryArmInEveryRound(int round)
    {
        var sample = CampaignPreviewService.Sample(CampaignId, Arms, Members, round);

        Assert.Equal((CampaignPreviewService.SampleSize, 2), (sample.Count, sample.Select(m => m.Arm.Name).Distinct().Count()));
    }

    [Fact]
    public void Sample_GivesEachMemberTheArmTheyAreAssigned()
    {
        var sample = CampaignPreviewService.Sample(CampaignId, Arms, Members, 0);

        Assert.All(sample, m => Assert.Same(ArmAssignment.Assign(Arms, CampaignId, m.EndUserId), m.Arm));
    }

    [Fact]
    public void Sample_OfFewerMembersThanTheSampleSize_ShowsThemAll()
    {
        Assert.Equal(["u00000", "u00001"], CampaignPreviewService.Sample(CampaignId, Arms, ["u00000", "u00001"], 0).Select(m => m.EndUserId).Order(StringComparer.Ordinal));
    }
}
