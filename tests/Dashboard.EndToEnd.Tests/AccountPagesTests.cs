using Dashboard.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// The account pages (static forms, no circuit) in a real browser: they fit a phone, their theme switch works
/// without a circuit, and signing in from the dark page still works. Screenshots go to the test output.
/// </summary>
[Collection(DashboardAppCollectionDefinition.Name)]
public sealed class AccountPagesTests(DashboardAppFixture app)
{
    /// <summary>The page's background brightness, 0 (black) to 1 (white), as the browser paints it.</summary>
    private const string BodyBackgroundLuminance = """
        () => {
            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
            return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        }
        """;

    [BrowserFact]
    public async Task LoginPage_AtPhoneWidth_HasNoSidewaysScroll_AndTurnsDarkWithItsThemeSwitch()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(390, 800);

        await page.GotoAsync("Account/Login");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The login page scrolls sideways at 390 px.");
        Assert.True(await page.EvaluateAsync<double>(BodyBackgroundLuminance) > 0.5, "The light login page is not light.");
        await page.SaveScreenshotAsync("account-login-390-light");

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to dark mode" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Switch to light mode" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<double>(BodyBackgroundLuminance) < 0.5, "The dark login page has a light background.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The dark login page scrolls sideways at 390 px.");
        await page.SaveScreenshotAsync("account-login-390-dark");

        await page.SignInAsync("marketer@demo.local", "Demo-Retail-2026", "Demo Retail");
        await page.GotoAsync("Account/Manage");
        Assert.True(await page.EvaluateAsync<double>(BodyBackgroundLuminance) < 0.5, "The dark account settings have a light background.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The account settings scroll sideways at 390 px.");
        await page.SaveScreenshotAsync("account-manage-390-dark");
        await page.SetViewportSizeAsync(1280, 800);
        await page.ReloadAsync();
        await page.SaveScreenshotAsync("account-manage-1280-dark");
    }
}
