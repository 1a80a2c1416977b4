using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Dashboard.Application.Tests.Campaigns.Demo;

public sealed class SmallDemoCampaignTests(SmallDemoCampaignHost small, ITestOutputHelper output) : IClassFixture<SmallDemoCampaignHost>
{
    [Fact]
    public async Task EndToEndTestsDemo_AlsoGetsItsRunningCampaignWithSimulatedFeedback()
    {
        var demo = small.Demo;
        await using var db = demo.Host.CreateTenantContext(demo.TenantId);
        var served = await db.ServedRecommendations.CountAsync(s => s.CampaignArmId != null);
        output.WriteLine($"Steps: {string.Join(", ", demo.Steps)}; {served} lists; the seeding step took {demo.SeedTime.TotalMilliseconds:0} ms.");

        Assert.Equal((1, true), (await db.Campaigns.CountAsync(), served > 0));
    }
}
