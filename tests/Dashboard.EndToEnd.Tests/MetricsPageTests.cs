using Dashboard.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// Issue 12's Metrics page in a real browser, on the demo's trained Default blend. Screenshots at 1280 and 390 pixels,
/// light and dark, go to the test output's screenshots folder for a person to look at.
/// </summary>
[Collection(DashboardAppCollectionDefinition.Name)]
public sealed class MetricsPageTests(DashboardAppFixture app)
{
    [BrowserFact]
    public async Task Metrics_ShowsTheDemoVersionWithEachAlgorithmAlone_AtDesktopAndPhoneWidthInBothThemes()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("marketer@demo.local", "Demo-Retail-2026", "Demo Retail");
        await page.WaitForDemoImportAsync();

        // The demo trains its Default blend after the import; the page shows it once the version is written.
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.GotoAsync("metrics");
            await page.WaitForInteractivityAsync();
            if (await page.GetByTestId("metrics-versions").CountAsync() > 0)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        await Expect(page.GetByTestId("component-figures")).ToContainTextAsync("alone");
        foreach (var theme in new[] { "light", "dark" })
        {
            await context.AddCookiesAsync([new Cookie { Name = "dashboard.theme", Value = theme, Url = app.BaseAddress.ToString() }]);
            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.GotoAsync("metrics");
                await page.WaitForInteractivityAsync();
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await page.SaveScreenshotAsync($"issue12-metrics-{width}-{theme}");
            }
        }

        // At phone width the page itself must not scroll sideways; wide tables and charts scroll inside their cards.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
    }
}
