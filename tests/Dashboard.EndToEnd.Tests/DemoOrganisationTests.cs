using System.Globalization;
using Dashboard.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

[Collection(DashboardAppCollectionDefinition.Name)]
public sealed class DemoOrganisationTests(DashboardAppFixture app)
{
    [BrowserFact]
    public async Task DemoAdmin_SeesTheSampleDataOnTheOverview_OnceTheJobHasRun()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("admin@demo.local", "Demo-Retail-2026", "Demo Retail");

        // The Overview polls while the job runs; the job may also have finished before sign-in.
        await Expect(page.GetByTestId("job-runs")).ToContainTextAsync("Import data source");
        await page.WaitForDemoImportAsync();

        // StatCard formats with the current culture, and the server runs in this process.
        await Expect(page.GetByTestId("count-end-users")).ToHaveTextAsync(Formatted(DashboardAppFactory.SampleUsers));
        await Expect(page.GetByTestId("count-items")).ToHaveTextAsync(Formatted(DashboardAppFactory.SampleItems));
        await Expect(page.GetByTestId("count-interactions")).ToHaveTextAsync(Formatted(DashboardAppFactory.SampleInteractions));
        await Expect(page.GetByTestId("interactions-chart")).ToBeVisibleAsync();

        // The assertions may all have passed on the prerendered page; photograph the live one.
        await page.WaitForInteractivityAsync();
        await SaveReadmeScreenshotAsync(page);
    }

    [BrowserFact]
    public async Task DemoMarketer_OpeningTheDataPreviewDirectly_GetsALivePage()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("marketer@demo.local", "Demo-Retail-2026", "Demo Retail");
        await page.WaitForDemoImportAsync();

        // A full page load: the prerendered preview is handed to the circuit in its first message, which
        // is larger than SignalR's default limit; the page must still come alive.
        await page.GotoAsync("data-sources/preview");
        await page.WaitForInteractivityAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "End-users" }).ClickAsync();

        await Expect(page.GetByTestId("sample-end-users")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sample-end-users").Locator("tbody tr")).ToHaveCountAsync(20);
    }

    [BrowserFact]
    public async Task DarkMode_ChosenOnce_StaysAfterAFullPageLoad()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("compliance@demo.local", "Demo-Retail-2026", "Demo Retail");
        const string background = "() => getComputedStyle(document.body).backgroundColor";
        var light = await page.EvaluateAsync<string>(background);

        await page.GetByLabel("Toggle dark mode").ClickAsync();
        await page.WaitForFunctionAsync($"light => ({background})() !== light", light);
        await page.ReloadAsync();

        Assert.NotEqual(light, await page.EvaluateAsync<string>(background));
    }

    private static string Formatted(int count) => count.ToString("N0", CultureInfo.CurrentCulture);

    /// <summary>
    /// The README's screenshot: the whole Overview with data, 1280 pixels wide. Always written to the
    /// test output; copied over docs/screenshot.png only with UPDATE_SCREENSHOT=1, so an ordinary test
    /// run leaves the working tree clean.
    /// </summary>
    private static async Task SaveReadmeScreenshotAsync(IPage page)
    {
        var root = RepositoryRoot.Find();
        var update = root is not null && Environment.GetEnvironmentVariable("UPDATE_SCREENSHOT") == "1";
        var path = update ? Path.Combine(root!, "docs", "screenshot.png") : Path.Combine(AppContext.BaseDirectory, "screenshot.png");

        // A full-page capture would cut the drawer at the viewport's height, so the viewport grows to the page instead.
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(1280, Math.Min(height, 1600));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
    }
}
