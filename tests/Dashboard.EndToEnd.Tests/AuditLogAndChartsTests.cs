using Dashboard.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// Issue 8's audit log, charts and menu, in a real browser. Screenshots of the pages at 1280 and 390
/// pixels, light and dark, go to the test output's screenshots folder for a person to look at.
/// </summary>
[Collection(DashboardAppCollectionDefinition.Name)]
public sealed class AuditLogAndChartsTests(DashboardAppFixture app)
{
    [BrowserFact]
    public async Task AuditLog_ShowsSentencesWhoDidItAndTheDetailsOfAnEntry()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@demo.local", "Demo-Retail-2026", "Demo Retail");

        await page.GotoAsync("audit-log");
        await page.WaitForInteractivityAsync();
        await Expect(page.GetByTestId("audit-log")).ToContainTextAsync("Signed in with a password.");

        // The demo's set-up writes many entries after the registration; a search by its subject finds it on any page.
        await page.GetByTestId("filter-search").FillAsync("Demo Retail");
        var registration = page.GetByTestId("audit-log").Locator("tr", new() { HasText = "Registered the organisation “Demo Retail”." });
        await Expect(registration).ToContainTextAsync("the app (demo set-up)");
        await registration.GetByTestId("audit-details").ClickAsync();

        await Expect(page.GetByTestId("audit-changes")).ToContainTextAsync("First Admin");
        await Expect(page.GetByTestId("audit-changes")).ToContainTextAsync("admin@demo.local");
    }

    [BrowserFact]
    public async Task ComplianceOfficer_ReachesTheDataPreviewFromTheMenu_AndSignsOutThroughANamedMenu()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("compliance@demo.local", "Demo-Retail-2026", "Demo Retail");
        await page.WaitForInteractivityAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Data preview" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/data-sources/preview$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Account menu for compliance@demo.local: account settings and sign out" }).ClickAsync();

        await Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task Pages_AtDesktopAndPhoneWidth_InLightAndDark_AreCapturedForReview()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@demo.local", "Demo-Retail-2026", "Demo Retail");
        await page.WaitForDemoImportAsync();

        foreach (var theme in new[] { "light", "dark" })
        {
            await context.AddCookiesAsync([new Cookie { Name = "dashboard.theme", Value = theme, Url = app.BaseAddress.ToString() }]);
            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, 800);
                foreach (var (path, name) in new[] { ("", "overview"), ("data-sources/preview", "data-preview"), ("audit-log", "audit-log") })
                {
                    await page.GotoAsync(path);
                    await page.WaitForInteractivityAsync();
                    await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                    await page.SaveScreenshotAsync($"issue8-{name}-{width}-{theme}");
                }
            }
        }

        // A phone-width page must not scroll sideways: labels wrap instead of overflowing.
        await page.GotoAsync("data-sources/preview");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
    }
}
