using Dashboard.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// The Content-Security-Policy must allow everything Blazor Server and MudBlazor really do: a rule that
/// blocks a script, a style or the circuit's connection shows up as a violation in the browser.
/// </summary>
[Collection(DashboardAppCollectionDefinition.Name)]
public sealed class ContentSecurityPolicyTests(DashboardAppFixture app)
{
    [BrowserFact]
    public async Task SigningInAndUsingThePages_BreaksNoContentSecurityPolicyRule()
    {
        await using var context = await app.NewContextAsync();
        var violations = new List<string>();

        // Chromium reports each blocked resource on the console; the event also catches reports it words differently.
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI));");
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (violations)
                {
                    violations.Add($"{page.Url}: {message.Text}");
                }
            }
        };

        await page.SignInAsync("admin@demo.local", "Demo-Retail-2026", "Demo Retail");
        foreach (var (link, heading) in new[] { ("Data sources", "Data sources"), ("Jobs", "Jobs"), ("Team", "Team"), ("Audit log", "Audit log"), ("Overview", "Overview") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Exact = true }).First).ToBeVisibleAsync();
        }

        await page.GetByLabel("Toggle dark mode").ClickAsync();
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByText("Account and two-factor").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Manage your account" })).ToBeVisibleAsync();
        await page.GotoAsync("scalar");
        await Expect(page.GetByText("Dashboard events API").First).ToBeVisibleAsync();
        await page.GotoAsync("");
        await page.WaitForInteractivityAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
