using Bunit;
using Dashboard.Web.Components.Pages.Algorithms;
using Dashboard.Web.Tests.Support;
using MudBlazor;

namespace Dashboard.Web.Tests.Components.Algorithms;

public sealed class BlendVersionsTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    /// <summary>The component loads from the database after its first render; a busy machine can take a while.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Activate_AsksFirstSayingWhatCustomersGet_AndCancelKeepsTheActiveVersion()
    {
        await using var context = await BlendPagesContext.StartAsync(factory);
        var blendId = await context.AddBlendAsync();
        var first = await context.AddVersionAsync(blendId, 1, 0.20, active: true);
        await context.AddVersionAsync(blendId, 2, 0.25);
        var dialogs = context.Bunit.Render<MudDialogProvider>();
        var versions = context.Bunit.Render<BlendVersions>(p => p.Add(x => x.BlendId, blendId).Add(x => x.BlendName, "Shop").Add(x => x.CanManage, true));

        versions.WaitForElement("[data-testid=activate][data-version='2']", Wait).Click();

        var message = dialogs.WaitForElement(".mud-message-box", Wait).TextContent;
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();
        Assert.Equal(
            (true, first),
            (message.Contains("gets the recommendations of version 2 instead of version 1 from now on (NDCG@10 0.2000 → 0.2500)", StringComparison.Ordinal), await context.ActiveVersionAsync(blendId)));
    }

    [Fact]
    public async Task A_version_waiting_for_review_cannot_be_activated_and_says_why_with_a_link_to_its_audit()
    {
        await using var context = await BlendPagesContext.StartAsync(factory);
        var blendId = await context.AddBlendAsync();
        await context.AddVersionAsync(blendId, 1, 0.20, active: true);
        var held = await context.AddVersionAsync(blendId, 2, 0.25, review: Dashboard.Domain.Blends.ReleaseReview.AwaitingReview);
        var auditId = await context.AddAuditAsync(held, plantedBias: true);
        var versions = context.Bunit.Render<BlendVersions>(p => p.Add(x => x.BlendId, blendId).Add(x => x.BlendName, "Shop").Add(x => x.CanManage, true));

        var activate = versions.WaitForElement("[data-testid=activate][data-version='2']", Wait);

        Assert.True(activate.HasAttribute("disabled"));
        Assert.StartsWith("Version 2 cannot go live: its bias audit found a blocking failure", versions.Find("[data-testid=activation-blocked]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal($"/bias-audits/{auditId}", versions.Find("[data-testid=version-audit-link]").GetAttribute("href"));
        Assert.Contains("Waiting for review", versions.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_ShowsEachMeasuresChange_GreenWhenBetterRedWhenWorse()
    {
        await using var context = await BlendPagesContext.StartAsync(factory);
        var blendId = await context.AddBlendAsync();
        await context.AddVersionAsync(blendId, 1, 0.30, active: true);
        var worse = await context.AddVersionAsync(blendId, 2, 0.25);
        await context.AddVersionAsync(blendId, 3, 0.40);
        var versions = context.Bunit.Render<BlendVersions>(p => p.Add(x => x.BlendId, blendId).Add(x => x.BlendName, "Shop"));

        versions.WaitForElement("[data-testid=compare]", Wait).Click();
        var better = versions.WaitForElement("[data-testid=delta][data-metric='NDCG@10']", Wait);
        var (betterText, betterClass) = (better.TextContent.Trim(), better.ClassName);
        var second = versions.FindComponents<MudSelect<Guid>>()[1];
        await versions.InvokeAsync(() => second.Instance.ValueChanged.InvokeAsync(worse));
        versions.Find("[data-testid=compare]").Click();
        versions.WaitForAssertion(() => Assert.NotEqual(betterText, versions.Find("[data-testid=delta][data-metric='NDCG@10']").TextContent.Trim()), Wait);
        var lower = versions.Find("[data-testid=delta][data-metric='NDCG@10']");

        Assert.Equal(
            ("+0.1000", "mud-success-text", "−0.0500", "mud-error-text"),
            (betterText, betterClass, lower.TextContent.Trim(), lower.ClassName));
    }

    [Fact]
    public async Task VersionDetail_SaysHowManyEndUsersTheConsentGateIncludedAndLeftOut()
    {
        await using var context = await BlendPagesContext.StartAsync(factory);
        var blendId = await context.AddBlendAsync();
        await context.AddVersionAsync(blendId, 1, 0.30, active: true, excludedByConsent: 87);
        var versions = context.Bunit.Render<BlendVersions>(p => p.Add(x => x.BlendId, blendId).Add(x => x.BlendName, "Shop"));

        var counts = versions.WaitForElement("[data-testid=consent-counts]", Wait).TextContent;

        Assert.Equal("10 end-users included; 87 left out for lack of Personalisation consent", counts);
    }

    [Fact]
    public async Task GroupSizes_ForAMarketer_AreWithheldUntilAskedThenShownNoisyWithTheirLabel()
    {
        await using var context = await BlendPagesContext.StartAsync(factory);
        var blendId = await context.AddBlendAsync();
        await context.AddVersionAsync(blendId, 1, 0.30, active: true,
            groups: [new("gender", "female", 1200, 0.1, 0.2, 0.3, 0.15), new("gender", "male", 1100, 0.1, 0.2, 0.3, 0.15)]);
        var versions = context.Bunit.Render<BlendVersions>(p => p.Add(x => x.BlendId, blendId).Add(x => x.BlendName, "Shop"));

        var before = string.Join(" ", versions.WaitForElements("[data-testid=group-size]", Wait).Select(e => e.TextContent.Trim()));
        versions.Find("[data-testid=show-group-sizes]").Click();
        var label = versions.WaitForElement("[data-testid=group-sizes-label]", Wait).TextContent;

        Assert.Equal(("— —", true, true),
            (before, label.EndsWith("noisy (ε 0.5)", StringComparison.Ordinal), versions.FindAll("[data-testid=group-size]").All(e => e.TextContent.Trim() != "—")));
    }

    [Fact]
    public async Task GroupSizes_ForAComplianceOfficer_AreExactAndLabelledExact()
    {
        await using var context = await BlendPagesContext.StartAsync(factory, Dashboard.Domain.Identity.Roles.ComplianceOfficer);
        var blendId = await context.AddBlendAsync();
        await context.AddVersionAsync(blendId, 1, 0.30, active: true, groups: [new("gender", "female", 1200, 0.1, 0.2, 0.3, 0.15)]);
        var versions = context.Bunit.Render<BlendVersions>(p => p.Add(x => x.BlendId, blendId).Add(x => x.BlendName, "Shop"));

        var size = versions.WaitForElement("[data-testid=group-size]", Wait).TextContent.Trim();

        Assert.Equal((1200.ToString("N0", System.Globalization.CultureInfo.CurrentCulture), "End-users per group: exact"),
            (size, versions.Find("[data-testid=group-sizes-label]").TextContent.Trim()));
    }
}
