using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Pages.Recommendations;
using Dashboard.Web.Tests.Components.Algorithms;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Components.Recommendations;

public sealed class RecommendationsPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task KnownEndUser_EachItemShowsComponentSharesAndTheHistoryThatDroveIt()
    {
        await using var context = await BlendPagesContext.StartAsync(factory, Roles.ComplianceOfficer, new TinyShopModels());
        await context.RecordPersonalisationAsync(true, "u1");

        var page = RenderFor(context, "u1");

        var first = page.WaitForElement("[data-testid=recommended-item]", TimeSpan.FromSeconds(10));
        var shares = first.QuerySelectorAll("[data-testid=component-shares] [data-testid=bar-label]").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal(
            ("Item associations (EASE) | Taste factors (implicit ALS)", true, "Personalised from this end-user's history"),
            (string.Join(" | ", shares.Order(StringComparer.Ordinal)), first.QuerySelector("[data-testid=because]")?.TextContent.StartsWith("Because you interacted with Book", StringComparison.Ordinal), page.Find("[data-testid=data-basis]").TextContent.Trim()));
    }

    [Fact]
    public async Task EndUserUnknownToTheModel_GetsPopularItems_AndThePageSaysWhy()
    {
        await using var context = await BlendPagesContext.StartAsync(factory, Roles.Marketer, new TinyShopModels());
        await context.RecordPersonalisationAsync(true, "newcomer");

        var page = RenderFor(context, "newcomer");

        Assert.Equal(
            ("Popular items: this end-user is new since the last training, so the model does not know them yet", 0),
            (page.WaitForElement("[data-testid=data-basis]", TimeSpan.FromSeconds(10)).TextContent.Trim(), page.FindAll("[data-testid=because]").Count));
    }

    [Fact]
    public async Task EndUserWhoWithdrewPersonalisation_GetsPopularItems_AndThePageSaysItIsForLackOfConsent()
    {
        await using var context = await BlendPagesContext.StartAsync(factory, Roles.Marketer, new TinyShopModels());
        await context.RecordPersonalisationAsync(false, "u2");

        var page = RenderFor(context, "u2");

        Assert.Equal(
            ("Not personalised: this end-user has not consented to personalisation (or withdrew), so popular items are shown and their history is not read", 0),
            (page.WaitForElement("[data-testid=data-basis]", TimeSpan.FromSeconds(10)).TextContent.Trim(), page.FindAll("[data-testid=because]").Count));
    }

    private static IRenderedComponent<RecommendationsPage> RenderFor(BlendPagesContext context, string endUserId)
    {
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("user", endUserId));
        return context.Bunit.Render<RecommendationsPage>();
    }
}
