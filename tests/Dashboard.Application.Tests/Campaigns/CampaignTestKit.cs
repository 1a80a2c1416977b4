using Dashboard.Application.Blends;
using Dashboard.Application.Campaigns;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Common;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Data;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.Campaigns;

/// <summary>
/// An organisation with three end-users, three items (two categories), its Default blend and a "Popular" blend each
/// with an active version the gate allows, and an "Everyone" segment; helpers to add campaigns and change the setting.
/// </summary>
internal static class CampaignTestKit
{
    /// <summary>The test host's clock: 2026-06-30 12:00 UTC.</summary>
    public static readonly DateTime Now = new(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);

    public static async Task<CampaignKit> StartAsync()
    {
        var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        var popular = await host.InScopeAsync<BlendService, BlendSaveResult>(s => s.CreateAsync(new BlendInput("Popular", BlendSpec.Default)));
        Assert.True(popular.Succeeded);
        await using var db = host.CreateTenantContext(admin.TenantId);
        var defaultBlend = await db.Blends.Where(b => b.Name == BlendDefaults.DefaultBlendName).Select(b => b.Id).SingleAsync();
        foreach (var id in new[] { "u1", "u2", "u3" })
        {
            db.EndUsers.Add(new EndUser { ExternalId = id, CreatedAtUtc = Now.AddDays(-10) });
        }

        db.Items.Add(new Item { ExternalId = "i1", Title = "Atlas", Category = "Books", CreatedAtUtc = Now.AddDays(-10) });
        db.Items.Add(new Item { ExternalId = "i2", Title = "Kite", Category = "Toys", CreatedAtUtc = Now.AddDays(-10) });
        db.Items.Add(new Item { ExternalId = "i3", Title = "Novel", Category = "Books", CreatedAtUtc = Now.AddDays(-10) });
        await db.SaveChangesAsync();
        var kit = new CampaignKit(host, admin, defaultBlend, popular.Id, Guid.Empty);
        await AddVersionAsync(kit, defaultBlend, ReleaseReview.Cleared);
        await AddVersionAsync(kit, popular.Id, ReleaseReview.NotAudited);
        return kit with { EveryoneSegmentId = await AddSegmentAsync(kit, "Everyone", SegmentDefinition.Everyone) };
    }

    /// <summary>Writes version <c>n</c> of the blend with the given review and makes it the active one.</summary>
    public static async Task<Guid> AddVersionAsync(CampaignKit kit, Guid blendId, ReleaseReview review)
    {
        await using var db = kit.Host.CreateTenantContext(kit.Admin.TenantId);
        var number = await db.ModelVersions.CountAsync(v => v.BlendId == blendId) + 1;
        var version = new ModelVersion
        {
            Id = Guid.CreateVersion7(), BlendId = blendId, Number = number, SpecJson = BlendSpec.Default.ToJson(), MetricsJson = "{}", ManifestJson = "{}",
            NdcgAt10 = 0.1, EngineVersion = "test", ArtifactId = Guid.NewGuid(), ArtifactSha256 = new string('b', 64), CreatedAtUtc = Now.AddDays(-1),
            Status = ModelVersionStatus.Ready, Review = review,
        };
        db.ModelVersions.Add(version);
        (await db.Blends.SingleAsync(b => b.Id == blendId)).ActiveVersionId = version.Id;
        await db.SaveChangesAsync();
        return version.Id;
    }

    public static async Task<Guid> AddSegmentAsync(CampaignKit kit, string name, SegmentDefinition definition)
    {
        await using var db = kit.Host.CreateTenantContext(kit.Admin.TenantId);
        var segment = new Segment { Id = Guid.CreateVersion7(), Name = name, DefinitionJson = definition.ToJson(), CreatedAtUtc = Now, UpdatedAtUtc = Now };
        db.Segments.Add(segment);
        await db.SaveChangesAsync();
        return segment.Id;
    }

    /// <summary>A segment whose one rule holds for nobody in the kit's data.</summary>
    public static SegmentDefinition Nobody { get; } =
        new(SegmentMatch.All, [new SegmentGroup(SegmentMatch.All, [new SegmentRule(SegmentRuleKind.Attribute, SegmentOperator.Is, "region", "Atlantis")])]);

    /// <summary>A valid web campaign on the Everyone segment starting now, with an A/B split Default vs Popular 50/50.</summary>
    public static CampaignInput Input(CampaignKit kit, string name = "Spring") => new(
        name, CampaignGoal.Clicks, CampaignChannel.Web, kit.EveryoneSegmentId, CampaignRules.None, 10, Now.AddHours(-1), Now.AddDays(14),
        [new CampaignArmInput("A", kit.DefaultBlendId, 50), new CampaignArmInput("B", kit.PopularBlendId, 50)]);

    public static Task<CampaignSaveResult> CreateAsync(CampaignKit kit, CampaignInput input) =>
        kit.Host.InScopeAsync<CampaignService, CampaignSaveResult>(s => s.CreateAsync(input));

    public static async Task<Guid> CreatedAsync(CampaignKit kit, CampaignInput input)
    {
        var saved = await CreateAsync(kit, input);
        Assert.True(saved.Succeeded, string.Join(" ", saved.Problems.Select(p => $"{p.Field}: {p.Message}")));
        return saved.Id;
    }

    public static Task<Result> StartCampaignAsync(CampaignKit kit, Guid id) => kit.Host.InScopeAsync<CampaignService, Result>(s => s.StartAsync(id));

    public static Task<CampaignView> GetAsync(CampaignKit kit, Guid id) => kit.Host.InScopeAsync<CampaignService, CampaignView>(s => s.GetAsync(id));

    /// <summary>The edit form's input for the campaign as it is now, changed by <paramref name="change"/>.</summary>
    public static async Task<CampaignSaveResult> UpdateAsync(CampaignKit kit, Guid id, Func<CampaignInput, CampaignInput> change)
    {
        var view = await GetAsync(kit, id);
        var input = new CampaignInput(view.Name, view.Goal, view.Channel, view.SegmentId, view.Rules, view.ListSize, view.StartsAtUtc, view.EndsAtUtc,
            [.. view.Arms.Select(a => new CampaignArmInput(a.Name, a.BlendId, a.SharePercent, a.Id))], view.ConcurrencyStamp);
        return await kit.Host.InScopeAsync<CampaignService, CampaignSaveResult>(s => s.UpdateAsync(id, change(input)));
    }
}
