using Dashboard.Application.Common;
using Dashboard.Domain.Blends;
using Dashboard.EndToEnd.Tests.Infrastructure;
using Dashboard.Infrastructure.Persistence;
using Dashboard.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Issue 12's compliance gate in a real browser: a compliance officer reads a held version's audit and approves it.</summary>
[Collection(DashboardAppCollectionDefinition.Name)]
public sealed class BiasAuditReviewTests(DashboardAppFixture app)
{
    [BrowserFact]
    public async Task ComplianceOfficer_ReadsTheAudit_ApprovesWithAJustification_AndSeesTheStateChange()
    {
        var auditId = await SeedHeldVersionAsync();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SignInAsync("compliance@demo.local", "Demo-Retail-2026", "Demo Retail");

        foreach (var theme in new[] { "light", "dark" })
        {
            await context.AddCookiesAsync([new Cookie { Name = "dashboard.theme", Value = theme, Url = app.BaseAddress.ToString() }]);
            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, 900);
                await page.GotoAsync("bias-audits");
                await page.WaitForInteractivityAsync();
                await Expect(page.GetByTestId("review-queue")).ToBeVisibleAsync();
                await page.SaveScreenshotAsync($"issue12-bias-audits-{width}-{theme}");
                await page.GotoAsync($"bias-audits/{auditId}");
                await page.WaitForInteractivityAsync();
                await Expect(page.GetByTestId("finding-blocking").First).ToBeVisibleAsync();
                await page.SaveScreenshotAsync($"issue12-bias-audit-{width}-{theme}");
            }
        }

        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        await page.SetViewportSizeAsync(1280, 900);
        await Expect(page.GetByTestId("finding-blocking").First).ToContainTextAsync("below the 0.8 threshold — blocking");
        await page.GetByTestId("review-justification").FillAsync("Region B's gap comes from a catalogue import we have since fixed.");
        await page.GetByTestId("review-approve").ClickAsync();
        await Expect(page.Locator(".mud-message-box")).ToContainTextAsync("may go live");
        await page.Locator(".mud-message-box").GetByRole(AriaRole.Button, new() { Name = "Approve version 2" }).ClickAsync();

        await Expect(page.GetByTestId("review-decision")).ToContainTextAsync("Approved by compliance@demo.local");
        await Expect(page.GetByTestId("review-state")).ToContainTextAsync("Approved");
    }

    /// <summary>A blend of the demo organisation whose version 2 a planted bias held back, written as the audit job writes it.</summary>
    private async Task<Guid> SeedHeldVersionAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        var tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        await using var tenantDb = app.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        var blend = await BiasAuditSeed.BlendAsync(tenantDb, $"Held {Guid.NewGuid():N}"[..16]);
        var version = await BiasAuditSeed.VersionAsync(tenantDb, blend, 2, ReleaseReview.AwaitingReview, DateTime.UtcNow);
        return await BiasAuditSeed.AuditAsync(tenantDb, version, BiasAuditSeed.Document(plantedBias: true), DateTime.UtcNow);
    }
}
