using Dashboard.Application.Campaigns;
using Dashboard.Application.Campaigns.Segments;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Campaigns;

/// <summary>
/// How serving knows a campaign's audience: worked out once, answered from memory, refreshed in the background.
/// The campaign's only arm has no blend, so an end-user in the audience gets the arm's 409 and one outside it the 404.
/// </summary>
public sealed class CampaignServingTests
{
    private const string NotInAudience = "Not in the campaign's audience";

    private static async Task<(Guid Tenant, Guid Campaign)> RunningCampaignAsync(TestHost host)
    {
        var tenant = (await host.RegisterOrganisationAsync("Audience Org")).TenantId;
        await using var db = host.CreateTenantContext(tenant);
        var segment = new Segment { Id = Guid.NewGuid(), Name = "Everyone", DefinitionJson = SegmentDefinition.Everyone.ToJson(), ConcurrencyStamp = Guid.NewGuid() };
        var campaign = new Campaign
        {
            Id = Guid.NewGuid(),
            Name = "Always on",
            SegmentId = segment.Id,
            RulesJson = CampaignRules.None.ToJson(),
            ListSize = 5,
            StartsAtUtc = host.Time.GetUtcNow().UtcDateTime.AddDays(-1),
            State = CampaignState.Running,
            Arms = [new CampaignArm { Id = Guid.NewGuid(), Name = "A", SharePercent = 100 }],
        };
        db.EndUsers.Add(new EndUser { ExternalId = "u1" });
        db.Segments.Add(segment);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return (tenant, campaign.Id);
    }

    private static async Task<string?> TitleAsync(TestHost host, Guid tenant, string endUser) =>
        (await host.Services.GetRequiredService<CampaignServing>().ChooseAsync(tenant, "Always on", endUser)).Problem?.Title;

    private static async Task AddEndUserAsync(TestHost host, Guid tenant, string id)
    {
        await using var db = host.CreateTenantContext(tenant);
        db.EndUsers.Add(new EndUser { ExternalId = id });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task EndUserInTheSegment_PassesTheAudienceCheck()
    {
        await using var host = await TestHost.StartAsync();
        var (tenant, _) = await RunningCampaignAsync(host);

        Assert.Equal("The arm has no blend", await TitleAsync(host, tenant, "u1"));
    }

    [Fact]
    public async Task Members_AreNotWorkedOutAgainPerRequest()
    {
        await using var host = await TestHost.StartAsync();
        var (tenant, _) = await RunningCampaignAsync(host);
        Assert.Equal(NotInAudience, await TitleAsync(host, tenant, "u2"));

        await AddEndUserAsync(host, tenant, "u2");
        host.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(NotInAudience, await TitleAsync(host, tenant, "u2"));
    }

    [Fact]
    public async Task Members_AreRefreshedInTheBackgroundOnceAMinuteHasPassed()
    {
        await using var host = await TestHost.StartAsync();
        var (tenant, campaign) = await RunningCampaignAsync(host);
        var serving = host.Services.GetRequiredService<CampaignServing>();
        Assert.Equal(NotInAudience, await TitleAsync(host, tenant, "u2"));
        await AddEndUserAsync(host, tenant, "u2");
        host.Time.Advance(CampaignServing.AudienceLifetime);

        // This request starts the refresh but is answered from the members read before.
        Assert.Equal(NotInAudience, await TitleAsync(host, tenant, "u2"));
        await serving.AudienceRefresh(campaign);

        Assert.Equal("The arm has no blend", await TitleAsync(host, tenant, "u2"));
    }

    [Fact]
    public async Task EditedSegment_IsWorkedOutAfreshWhenTheCampaignIsReadAgain()
    {
        await using var host = await TestHost.StartAsync();
        var (tenant, _) = await RunningCampaignAsync(host);
        Assert.Equal("The arm has no blend", await TitleAsync(host, tenant, "u1"));
        await using (var db = host.CreateTenantContext(tenant))
        {
            var segment = await db.Segments.SingleAsync();
            segment.DefinitionJson = new SegmentDefinition(SegmentMatch.All,
                [new SegmentGroup(SegmentMatch.All, [new SegmentRule(SegmentRuleKind.Purchases, SegmentOperator.AtLeast, Number: 1)])]).ToJson();
            segment.ConcurrencyStamp = Guid.NewGuid();
            await db.SaveChangesAsync();
        }

        host.Time.Advance(CampaignServing.PlanLifetime);

        Assert.Equal(NotInAudience, await TitleAsync(host, tenant, "u1"));
    }

    [Fact]
    public async Task PausedCampaign_HasItsMembersWorkedOutAfreshWhenItRunsAgain()
    {
        await using var host = await TestHost.StartAsync();
        var (tenant, _) = await RunningCampaignAsync(host);
        Assert.Equal(NotInAudience, await TitleAsync(host, tenant, "u2"));
        await SetStateAsync(host, tenant, CampaignState.Paused);
        host.Time.Advance(CampaignServing.PlanLifetime);
        Assert.Equal("The campaign is not running", await TitleAsync(host, tenant, "u2"));

        await AddEndUserAsync(host, tenant, "u2");
        await SetStateAsync(host, tenant, CampaignState.Running);
        host.Time.Advance(CampaignServing.PlanLifetime);

        Assert.Equal("The arm has no blend", await TitleAsync(host, tenant, "u2"));
    }

    private static async Task SetStateAsync(TestHost host, Guid tenant, CampaignState state)
    {
        await using var db = host.CreateTenantContext(tenant);
        (await db.Campaigns.SingleAsync()).State = state;
        await db.SaveChangesAsync();
    }
}
