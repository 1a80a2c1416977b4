using Dashboard.Application.Campaigns;
using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.Campaigns;

public sealed class CampaignPreviewServiceTests(CampaignPreviewFixture fixture) : IClassFixture<CampaignPreviewFixture>
{
    [Fact]
    public async Task Preview_ForAnAdmin_GivesTheSegmentsExactSize()
    {
        var id = await fixture.AddCampaignAsync(null, fixture.SegmentId, (fixture.DefaultBlendId, 100));
        await using var db = fixture.Host.CreateTenantContext(fixture.Admin.TenantId);
        var endUsers = await db.EndUsers.CountAsync();

        var preview = await PreviewAsync(fixture.Admin, id);

        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{endUsers:N0} end-users · exact"), preview.SizeText);
    }

    [Fact]
    public async Task Preview_ForAMarketer_GivesANoisySizeLabelledSo()
    {
        var id = await fixture.AddCampaignAsync(null, fixture.SegmentId, (fixture.DefaultBlendId, 100));

        var preview = await PreviewAsync(TestHost.As(fixture.Admin, Roles.Marketer), id);

        Assert.Equal((ReleaseKind.Noisy, true), (preview.Size!.Kind, preview.SizeText!.StartsWith("about ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Preview_OfAnAbTest_ShowsFourMembersCoveringBothArmsEachAsAssigned()
    {
        var id = await fixture.AddCampaignAsync(null, fixture.SegmentId, (fixture.DefaultBlendId, 50), (fixture.DefaultBlendId, 50));
        var arms = (await fixture.Host.InScopeAsync<CampaignService, CampaignView>(s => s.GetAsync(id))).Arms;

        var preview = await PreviewAsync(fixture.Admin, id);

        Assert.Equal(CampaignPreviewService.SampleSize, preview.Members.Count);
        Assert.Equal(["A", "B"], preview.Members.Select(m => m.ArmName).Distinct().Order(StringComparer.Ordinal));
        Assert.All(preview.Members, m => Assert.Equal(ExpectedArm(id, arms, m.EndUserId), m.ArmName));
        Assert.All(preview.Members, m => Assert.InRange(m.List!.Items.Count, 1, 5));
    }

    [Fact]
    public async Task Preview_AskedTwice_ShowsTheSameMembers_AndShowOthersShowsOthers()
    {
        var id = await fixture.AddCampaignAsync(null, fixture.SegmentId, (fixture.DefaultBlendId, 100));

        var first = (await PreviewAsync(fixture.Admin, id)).Members.Select(m => m.EndUserId).ToList();
        var again = (await PreviewAsync(fixture.Admin, id)).Members.Select(m => m.EndUserId).ToList();
        var others = (await PreviewAsync(fixture.Admin, id, round: 1)).Members.Select(m => m.EndUserId).ToList();

        Assert.Equal(first, again);
        Assert.Empty(first.Intersect(others));
    }

    [Fact]
    public async Task Preview_WithACategoryExcluded_ListsNoItemOfIt()
    {
        await using var db = fixture.Host.CreateTenantContext(fixture.Admin.TenantId);
        var category = await db.Items.Where(i => i.Category != null).GroupBy(i => i.Category!).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var id = await fixture.AddCampaignAsync(new CampaignRules { ExcludeCategories = [category] }, fixture.SegmentId, (fixture.DefaultBlendId, 100));

        var preview = await PreviewAsync(fixture.Admin, id);

        var items = preview.Members.SelectMany(m => m.List!.Items).ToList();
        Assert.NotEmpty(items);
        Assert.DoesNotContain(items, i => i.Categories.Contains(category));
    }

    [Fact]
    public async Task Preview_OfAnArmWhoseBlendHasNoActiveVersion_SaysWhyItsMembersGetNoList()
    {
        var id = await fixture.AddCampaignAsync(null, fixture.SegmentId, (fixture.DefaultBlendId, 50), (fixture.PopularBlendId, 50));

        var preview = await PreviewAsync(fixture.Admin, id);

        var member = preview.Members.First(m => m.ArmName == "B");
        Assert.Equal((null, "The blend “Popular” has no active version yet, so arm B has no list to give."), (member.List, member.Unavailable));
    }

    [Fact]
    public async Task Preview_WithoutASegment_SaysASegmentIsNeeded()
    {
        var id = await fixture.AddCampaignAsync(null, null, (fixture.DefaultBlendId, 100));

        var preview = await PreviewAsync(fixture.Admin, id);

        Assert.Equal((0, "Choose a segment for the campaign to see who it reaches and what they would get."), (preview.Members.Count, preview.Problem));
    }

    [Fact]
    public async Task Preview_OfAnotherOrganisationsCampaign_IsNotFound()
    {
        var id = await fixture.AddCampaignAsync(null, fixture.SegmentId, (fixture.DefaultBlendId, 100));
        var other = await fixture.Host.RegisterOrganisationAsync($"Other {Guid.NewGuid():N}"[..14], $"{Guid.NewGuid():N}@example.test");

        await Assert.ThrowsAsync<Dashboard.Application.Common.NotFoundException>(() => PreviewAsync(other, id));
    }

    private async Task<CampaignPreview> PreviewAsync(Dashboard.Application.Common.CallerContext caller, Guid campaignId, int round = 0)
    {
        fixture.Host.CurrentUser.Caller = caller;
        return await fixture.Host.InScopeAsync<CampaignPreviewService, CampaignPreview>(s => s.PreviewAsync(campaignId, round));
    }

    private static string ExpectedArm(Guid campaignId, IReadOnlyList<CampaignArmView> arms, string endUserId) =>
        ArmAssignment.Assign([.. arms.Select((a, i) => new Dashboard.Domain.Campaigns.CampaignArm { Id = a.Id, Name = a.Name, SharePercent = a.SharePercent, Position = i })], campaignId, endUserId).Name;
}
