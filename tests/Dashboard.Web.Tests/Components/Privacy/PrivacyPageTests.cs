using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Report;
using Dashboard.Domain.Data;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Dashboard.Domain.Tenancy;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Components.Pages.Privacy;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Privacy;

/// <summary>The Privacy page over the app's real services and database, for an organisation of the test's own.</summary>
public sealed class PrivacyPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Overview_ShowsTheConsentFiguresOfTheOrganisation_InCardsAndSentences()
    {
        var tenantId = await AddOrganisationWithConsentAsync();

        await using var ctx = CreateContext(tenantId);
        var page = ctx.Render<PrivacyPage>();

        var summary = page.WaitForElements("[data-testid=report-paragraph]").Select(p => p.TextContent).ToList();
        Assert.Contains("Personalisation consent: 2 of 3 end-users (67 %) have granted it; 1 withdrew it.", summary);
        Assert.Equal("3", page.Find("[data-testid=privacy-end-users]").TextContent);
    }

    [Fact]
    public async Task Overview_OffersTheReportAsCsvAndPdf()
    {
        var tenantId = await AddOrganisationWithConsentAsync();

        await using var ctx = CreateContext(tenantId);
        var page = ctx.Render<PrivacyPage>();

        page.WaitForElement("[data-testid=report-pdf]");
        Assert.Equal(
            new[] { "/privacy/report.csv", "/privacy/report.pdf" },
            new[] { page.Find("[data-testid=report-csv]").GetAttribute("href"), page.Find("[data-testid=report-pdf]").GetAttribute("href") });
    }

    [Fact]
    public async Task Page_HasATabForEachPartOfPrivacy()
    {
        var tenantId = await AddOrganisationWithConsentAsync();

        await using var ctx = CreateContext(tenantId);
        var page = ctx.Render<PrivacyPage>();

        var tabs = page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToArray();
        Assert.Equal(new[] { "Overview", "Consent", "Pseudonymisation", "Anonymity", "Budget", "Retention", "Requests" }, tabs);
    }

    private async Task<Guid> AddOrganisationWithConsentAsync()
    {
        _ = factory.Server;
        var name = "Shop " + Guid.NewGuid().ToString("N")[..8];
        var tenant = new Tenant { Id = Guid.NewGuid(), Name = name, NormalizedName = Tenant.Normalize(name), CreatedAtUtc = DateTime.UtcNow };
        await using (var unbound = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            unbound.Tenants.Add(tenant);
            await unbound.SaveChangesAsync();
        }

        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenant.Id);
        var yesterday = DateTime.UtcNow.AddDays(-1);
        var users = new[] { "ann", "bob", "cat" }.Select(id => new EndUser { ExternalId = id, CreatedAtUtc = yesterday }).ToList();
        db.EndUsers.AddRange(users);
        await db.SaveChangesAsync();
        foreach (var (user, granted) in users.Zip(new[] { true, true, false }))
        {
            db.ConsentRecords.Add(new ConsentRecord
            {
                EndUserId = user.Id, Purpose = ConsentPurpose.Personalisation, Granted = granted, OccurredAtUtc = yesterday, RecordedAtUtc = yesterday, Source = "app",
            });
        }

        await db.SaveChangesAsync();
        return tenant.Id;
    }

    private BunitContext CreateContext(Guid tenantId)
    {
        var officer = new CallerContext("co", "co@shop.test", tenantId, "Shop", new HashSet<string> { Roles.ComplianceOfficer });
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var currentUser = new FixedCurrentUser(officer);
        var kAnonymity = ActivatorUtilities.CreateInstance<KAnonymityReport>(factory.Services, currentUser);
        ctx.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<PrivacyReportService>(factory.Services, currentUser, kAnonymity));
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        return ctx;
    }
}
