using Dashboard.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Issue 8's small things at phone width, and what the server logs when a page with charts is closed.</summary>
[Collection(DashboardAppCollectionDefinition.Name)]
public sealed class PhoneAndCircuitTests(DashboardAppFixture app)
{
    /// <summary>
    /// A guard, not a reproduction: the JSDisconnectedException issue 8 reported was not seen here with or without
    /// the Poller change (PollerTests covers that change); this keeps the log clean when chart pages are closed.
    /// </summary>
    [BrowserFact]
    public async Task ClosingPagesWithCharts_LogsNoDisconnectedJavaScriptCalls()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@demo.local", "Demo-Retail-2026", "Demo Retail");
        await page.WaitForDemoImportAsync();
        foreach (var path in new[] { "data-sources/preview", "", "metrics", "bias-audits", "data-sources/preview" })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractivityAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Offline first, so the page cannot tell the server it is leaving: its circuit is dropped after the
        // (shortened) wait for a reconnect, with no browser left to run the components' JavaScript clean-up.
        await context.SetOfflineAsync(true);
        await page.CloseAsync();
        await Task.Delay(TimeSpan.FromSeconds(6));
        var disconnected = app.Logs.Entries.Where(e => e.Contains("JSDisconnectedException", StringComparison.Ordinal)).ToList();
        Assert.True(disconnected.Count == 0, string.Join(Environment.NewLine, disconnected));
    }

    [BrowserFact]
    public async Task AtPhoneWidth_TheAccountButtonStaysOnScreen_AndSampleRowsScrollToEveryColumn()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 800);
        await page.SignInAsync("admin@demo.local", "Demo-Retail-2026", "Demo Retail");
        await page.WaitForInteractivityAsync();
        await page.WaitForDemoImportAsync();

        var menu = await page.GetByTestId("user-menu").Locator("button").First.BoundingBoxAsync();
        Assert.NotNull(menu);
        Assert.True(menu.X + menu.Width <= 390, $"The account button ends at {menu.X + menu.Width} px on a 390 px screen.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The Overview scrolls sideways at 390 px.");

        await page.GotoAsync("data-sources/preview");
        await page.WaitForInteractivityAsync();
        var samples = page.GetByTestId("sample-interactions");
        var lastColumn = samples.GetByRole(AriaRole.Columnheader, new() { Name = "Value", Exact = true });
        await lastColumn.ScrollIntoViewIfNeededAsync();
        await Expect(lastColumn).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The data preview scrolls sideways at 390 px.");
        await page.SaveScreenshotAsync("phone-data-preview-samples-390");
    }
}
