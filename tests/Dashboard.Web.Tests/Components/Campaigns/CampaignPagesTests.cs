using Bunit;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Campaigns;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Pages.Campaigns;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Web.Tests.Components.Campaigns;

public sealed class CampaignPagesTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    /// <summary>The pages load from the database after their first render; a busy machine can take a while.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CampaignsPage_ForAComplianceOfficer_ListsTheCampaignsReadOnly()
    {
        await using var context = await CampaignPagesContext.StartAsync(factory, Roles.ComplianceOfficer);
        var (blendId, _) = await context.AddBlendAsync(ReleaseReview.NotAudited);
        var (_, name) = await context.AddCampaignAsync(await context.AddSegmentAsync(), blendId);

        var page = context.Bunit.Render<CampaignsPage>();

        page.WaitForAssertion(() => Assert.Contains(name, page.Find("[data-testid=campaigns]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Equal((1, 0), (page.FindAll("[data-testid=read-only-notice]").Count, page.FindAll("[data-testid=new-campaign]").Count));
    }

    [Fact]
    public async Task CampaignsPage_ForAMarketer_OffersANewCampaign()
    {
        await using var context = await CampaignPagesContext.StartAsync(factory);

        var page = context.Bunit.Render<CampaignsPage>();

        page.WaitForAssertion(() => Assert.Equal((1, 0), (page.FindAll("[data-testid=new-campaign]").Count, page.FindAll("[data-testid=read-only-notice]").Count)), Wait);
    }

    [Fact]
    public async Task Editor_TurningOnTheAbTest_AddsASecondArmAndSplitsFiftyFifty()
    {
        await using var context = await CampaignPagesContext.StartAsync(factory);
        var page = context.Bunit.Render<CampaignEditorPage>();
        page.WaitForElement("[data-testid=arm-row]", Wait);

        await page.InvokeAsync(() => page.FindComponent<MudSwitch<bool>>().Instance.ValueChanged.InvokeAsync(true));

        var shares = string.Join(" ", page.FindAll("input[data-testid=arm-share]").Select(e => e.GetAttribute("value")));
        Assert.Equal(("50 50", "Shares add up to 100 %."), (shares, page.Find("[data-testid=share-total]").TextContent.Trim()));
    }

    [Fact]
    public async Task Editor_SavingSharesThatDoNotAddUp_ShowsTheServicesMessageAndSavesNothing()
    {
        await using var context = await CampaignPagesContext.StartAsync(factory);
        var (a, _) = await context.AddBlendAsync(ReleaseReview.NotAudited);
        var (b, _) = await context.AddBlendAsync(ReleaseReview.NotAudited);
        var (id, _) = await context.AddCampaignAsync(await context.AddSegmentAsync(), a, b);
        var page = context.Bunit.Render<CampaignEditorPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=arm-row]", Wait);
        var first = page.FindComponents<MudNumericField<int>>().First(f => f.Instance.Label == "Share (%)");
        await page.InvokeAsync(() => first.Instance.ValueChanged.InvokeAsync(60));

        page.Find("[data-testid=save-campaign]").Click();

        page.WaitForAssertion(() => Assert.Equal("The arms' shares add up to 110 %; they must add up to 100 %.", page.Find("[data-testid=arms-error]").TextContent.Trim()), Wait);
    }

    [Fact]
    public async Task Editor_SavingANewCampaign_OpensItsPage()
    {
        await using var context = await CampaignPagesContext.StartAsync(factory);
        await context.AddSegmentAsync();
        var page = context.Bunit.Render<CampaignEditorPage>();
        page.WaitForElement("[data-testid=arm-row]", Wait);
        var name = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Name");
        await page.InvokeAsync(() => name.Instance.ValueChanged.InvokeAsync(CampaignPagesContext.Unique("New")));

        page.Find("[data-testid=save-campaign]").Click();

        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.Matches("/campaigns/[0-9a-f-]{36}$", navigation.Uri), Wait);
    }

    [Fact]
    public async Task Detail_ForAComplianceOfficer_ShowsTheCampaignWithoutStateButtons()
    {
        await using var context = await CampaignPagesContext.StartAsync(factory, Roles.ComplianceOfficer);
        var (blendId, blendName) = await context.AddBlendAsync(ReleaseReview.NotAudited);
        var (id, _) = await context.AddCampaignAsync(await context.AddSegmentAsync(), blendId);

        var page = context.Bunit.Render<CampaignDetailPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains(blendName, page.Find("[data-testid=campaign-arm-table]").TextContent, StringComparison.Ordinal), Wait);
        var buttons = new[] { "start-campaign", "edit-campaign", "delete-campaign" }.Sum(b => page.FindAll($"[data-testid={b}]").Count);
        Assert.Equal((1, 0), (page.FindAll("[data-testid=read-only-notice]").Count, buttons));
    }

    [Fact]
    public async Task Detail_StartWithAnArmTheGateBlocks_ShowsTheGatesReasonNamingTheArmAndStaysADraft()
    {
        await using var context = await CampaignPagesContext.StartAsync(factory);
        var (allowed, _) = await context.AddBlendAsync(ReleaseReview.Cleared);
        var (blocked, blockedName) = await context.AddBlendAsync(ReleaseReview.AwaitingReview);
        var (id, _) = await context.AddCampaignAsync(await context.AddSegmentAsync(), allowed, blocked);
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var page = context.Bunit.Render<CampaignDetailPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("[data-testid=start-campaign]", Wait).Click();

        dialogs.WaitForElement(".mud-message-box", Wait);
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Start").Click();

        page.WaitForElement("[data-testid=refusal-reason]", Wait);
        var reasons = page.FindAll("[data-testid=refusal-reason]").Select(r => r.TextContent.Trim()).ToList();
        Assert.Contains($"Arm B: version 1 of the blend “{blockedName}” may not go live: its bias audit found a blocking failure; a compliance officer must review it on the Bias audits page first.",
            reasons);
        Assert.Equal((0, CampaignState.Draft), (reasons.Count(r => r.StartsWith("Arm A", StringComparison.Ordinal)), await context.StateAsync(id)));
    }

    [Fact]
    public async Task Detail_ArmWhoseBlendWasDeleted_SaysSo()
    {
        await using var context = await CampaignPagesContext.StartAsync(factory);
        var (blendId, _) = await context.AddBlendAsync(ReleaseReview.NotAudited);
        var (id, _) = await context.AddCampaignAsync(await context.AddSegmentAsync(), blendId);
        await context.DeleteBlendAsync(blendId);

        var page = context.Bunit.Render<CampaignDetailPage>(p => p.Add(x => x.Id, id));

        Assert.Equal("blend deleted", page.WaitForElement("[data-testid=blend-deleted]", Wait).TextContent.Trim());
    }

    [Fact]
    public async Task Detail_Preview_ForAMarketer_GivesTheSegmentsSizeNoisedAndLabelled()
    {
        await using var context = await CampaignPagesContext.StartAsync(factory);
        var (blendId, _) = await context.AddBlendAsync(ReleaseReview.NotAudited);
        var (id, _) = await context.AddCampaignAsync(await context.AddSegmentAsync(), blendId);

        var page = context.Bunit.Render<CampaignDetailPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Matches("^Segment “Everyone [0-9a-f]{8}”: about [0-9,]+ end-users · noisy \\(ε [0-9.]+\\)$",
            System.Text.RegularExpressions.Regex.Replace(page.Find("[data-testid=preview-size]").TextContent, @"\s+", " ").Trim()), Wait);
    }
}
