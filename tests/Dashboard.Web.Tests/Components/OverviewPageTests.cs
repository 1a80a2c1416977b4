using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Application.Overview;
using Dashboard.Domain.Data;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Tenancy;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Components.Pages.Overview;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>The Overview over the app's real services and database, for an organisation of the test's own.</summary>
public sealed class OverviewPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task NewOrganisation_SeesTheChecklistWithALinkToDataSources_AndNothingTicked()
    {
        var tenantId = await AddOrganisationAsync();

        await using var ctx = CreateContext(tenantId);
        var page = ctx.Render<OverviewPage>();

        var checklist = page.WaitForElement("[data-testid=getting-started]");
        Assert.NotNull(checklist.QuerySelector("a[href='/data-sources']"));
        Assert.All(checklist.QuerySelectorAll("[data-testid=getting-started-step]"), step => Assert.Equal("false", step.GetAttribute("data-done")));
    }

    [Fact]
    public async Task OrganisationWithInteractions_SeesConnectDataTicked_AndTheUnbuiltStepsNot()
    {
        var tenantId = await AddOrganisationAsync();
        await using (var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            var now = new DateTime(2026, 6, 30, 12, 0, 0, DateTimeKind.Utc);
            var user = new EndUser { ExternalId = "u1", CreatedAtUtc = now };
            var item = new Item { ExternalId = "i1", Title = "Kettle", CreatedAtUtc = now };
            db.Interactions.Add(new Interaction { EndUser = user, Item = item, Type = InteractionType.View, Value = 1, OccurredAtUtc = now });
            await db.SaveChangesAsync();
        }

        await using var ctx = CreateContext(tenantId);
        var page = ctx.Render<OverviewPage>();

        var steps = page.WaitForElements("[data-testid=getting-started-step]");
        Assert.Equal(
            new[] { "true", "false", "false", "false" },
            steps.Select(s => s.GetAttribute("data-done") ?? string.Empty).ToArray());
    }

    private async Task<Guid> AddOrganisationAsync()
    {
        _ = factory.Server;
        var name = "Shop " + Guid.NewGuid().ToString("N")[..8];
        var tenant = new Tenant { Id = Guid.NewGuid(), Name = name, NormalizedName = Tenant.Normalize(name), CreatedAtUtc = DateTime.UtcNow };
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        return tenant.Id;
    }

    private BunitContext CreateContext(Guid tenantId)
    {
        var admin = new CallerContext("admin", "admin@shop.test", tenantId, "Shop", new HashSet<string> { Roles.Admin });
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<OverviewService>(factory.Services, new FixedCurrentUser(admin)));
        ctx.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<JobService>(factory.Services, new FixedCurrentUser(admin)));
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        return ctx;
    }
}
