using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Dashboard.Web.Components.Pages.Metrics;
using Dashboard.Web.Tests.Components.Algorithms;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Components.Metrics;

public sealed class MetricsPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    /// <summary>The page loads from the database after its first render; a busy machine can take a while.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Page_ForABlendWithVersions_ListsThemNewestFirstAndComparesTwo()
    {
        await using var context = await BlendPagesContext.StartAsync(factory);
        var blendId = await context.AddBlendAsync("Metrics");
        await context.AddVersionAsync(blendId, 1, 0.20, active: true);
        await context.AddVersionAsync(blendId, 2, 0.25);
        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo($"/metrics?blend={blendId}");
        var page = context.Bunit.Render<MetricsPage>();

        page.WaitForElement("[data-testid=metrics-versions]", Wait);
        page.Find("[data-testid=compare]").Click();

        var delta = page.WaitForElement("[data-measure='NDCG@10'][data-testid=delta]", Wait);
        Assert.Equal(("2 | 1Active", "+0.0500"),
            (string.Join(" | ", page.FindAll("[data-testid=metrics-version-number]").Select(c => c.TextContent.Replace(" ", "", StringComparison.Ordinal).Trim())), delta.TextContent.Trim()));
    }

    [Fact]
    public async Task Page_ForABlendWithoutVersions_PointsToTheAlgorithmsPage()
    {
        await using var context = await BlendPagesContext.StartAsync(factory);
        var blendId = await context.AddBlendAsync("Empty");

        context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo($"/metrics?blend={blendId}");
        var page = context.Bunit.Render<MetricsPage>();

        Assert.Contains("Train a blend on the Algorithms page", page.WaitForElement("[data-testid=no-versions]", Wait).TextContent, StringComparison.Ordinal);
    }
}
