using System.Text.RegularExpressions;
using Dashboard.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Issue 11's privacy report in a real browser: on screen, downloaded as a PDF, and at phone width.</summary>
[Collection(DashboardAppCollectionDefinition.Name)]
public sealed partial class PrivacyReportTests(DashboardAppFixture app)
{
    [BrowserFact]
    public async Task ComplianceOfficer_OpensPrivacy_AndDownloadsTheReportAsPdf()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("compliance@demo.local", "Demo-Retail-2026", "Demo Retail");

        await page.GetByRole(AriaRole.Link, new() { Name = "Privacy" }).ClickAsync();
        await Expect(page.GetByTestId("report-paragraph").First).ToContainTextAsync("Personalisation consent:");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-pdf").ClickAsync());

        Assert.Matches(DatedPdf(), download.SuggestedFilename);
        var path = await download.PathAsync();
        var head = new byte[4];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head);
        }

        Assert.Equal("%PDF"u8.ToArray(), head);
    }

    [BrowserFact]
    public async Task PrivacyPage_AtPhoneWidth_DoesNotScrollSideways_AndIsCapturedForReview()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("compliance@demo.local", "Demo-Retail-2026", "Demo Retail");

        foreach (var theme in new[] { "light", "dark" })
        {
            await context.AddCookiesAsync([new Cookie { Name = "dashboard.theme", Value = theme, Url = app.BaseAddress.ToString() }]);
            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.GotoAsync("privacy");
                await page.WaitForInteractivityAsync();
                await Expect(page.GetByTestId("report-pdf")).ToBeVisibleAsync();
                await page.SaveScreenshotAsync($"issue11-privacy-{width}-{theme}");
            }
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
    }

    [GeneratedRegex(@"^privacy-report-\d{4}-\d{2}-\d{2}\.pdf$")]
    private static partial Regex DatedPdf();
}
