using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Access;
using Dashboard.Application.Privacy.Erasure;
using Dashboard.Application.Privacy.Retention;
using Dashboard.Domain.Data;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Components.Pages.Privacy;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Privacy;

/// <summary>The retention and requests panels over the app's real services and the demo organisation's data.</summary>
public sealed class RetentionAndRequestsPanelsTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Retention_ZeroDays_ShowsTheFieldMessageAndKeepsTheSetting()
    {
        var tenantId = await DemoTenantAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId);
        var panel = ctx.Render<RetentionPanel>();

        panel.Find("input.mud-input-slot").Input("0");
        panel.Find("[data-testid=retention-save]").Click();

        panel.WaitForAssertion(() => Assert.Contains("at least 1 day", panel.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Retention_ZeroThenNegativeDays_ShowsTheFieldMessageEachTime()
    {
        var tenantId = await DemoTenantAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId);
        var panel = ctx.Render<RetentionPanel>();

        panel.Find("input.mud-input-slot").Input("0");
        panel.Find("[data-testid=retention-save]").Click();
        panel.WaitForAssertion(() => Assert.Contains("at least 1 day", panel.Markup, StringComparison.Ordinal));
        panel.Find("input.mud-input-slot").Input("-3");
        panel.Find("[data-testid=retention-save]").Click();

        panel.WaitForAssertion(() => Assert.Contains("at least 1 day", panel.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Erase_AsksFirstSayingWhatIsDeletedAndThatItCannotBeUndone_ThenShowsTheReceipt()
    {
        var tenantId = await DemoTenantAsync();
        string id;
        await using (var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            id = $"panel-erase-{Guid.NewGuid():N}";
            db.EndUsers.Add(new EndUser { ExternalId = id, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId);
        var panel = ctx.Render<RequestsPanel>();
        panel.FindAll("input.mud-input-slot")[1].Input(id);
        panel.Find("[data-testid=erase-start]").Click();

        var confirm = panel.WaitForElement("[data-testid=erase-confirm]").TextContent;
        Assert.Contains("cannot be undone", confirm, StringComparison.Ordinal);
        Assert.Contains("every interaction, every consent record", confirm, StringComparison.Ordinal);
        await using (var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            Assert.True(await db.EndUsers.AnyAsync(u => u.ExternalId == id));
        }

        panel.Find("[data-testid=erase-confirm-button]").Click();

        panel.WaitForAssertion(() => Assert.Contains("rows removed", panel.Find("[data-testid=erase-receipt]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        await using var check = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        Assert.False(await check.EndUsers.AnyAsync(u => u.ExternalId == id));
    }

    [Fact]
    public async Task AccessDownload_TheNewReceiptAppearsInTheTableWithoutAReload()
    {
        var tenantId = await DemoTenantAsync();
        var id = $"panel-access-{Guid.NewGuid():N}";
        await using (var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            db.EndUsers.Add(new EndUser { ExternalId = id, CreatedAtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId);
        var panel = ctx.Render<RequestsPanel>();
        var before = panel.FindAll("[data-testid=receipts] tbody tr").Count;
        panel.FindAll("input.mud-input-slot")[0].Input(id);
        panel.Find("[data-testid=access-form-json] button").Click();
        // What the export endpoint does when the browser posts the form.
        var caller = new CallerContext("user", "officer@demo.local", tenantId, "Demo Retail", new HashSet<string> { Roles.ComplianceOfficer });
        await ActivatorUtilities.CreateInstance<EndUserExportService>(scope.ServiceProvider, new FixedCurrentUser(caller)).ExportAsync(id, PrivacyRequests.PageChannel);

        panel.WaitForAssertion(() => Assert.Equal(before + 1, panel.FindAll("[data-testid=receipts] tbody tr").Count), TimeSpan.FromSeconds(10));
    }

    private async Task<Guid> DemoTenantAsync()
    {
        _ = factory.Server;
        await using var plain = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync();
        return await plain.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
    }

    private static BunitContext Context(AsyncServiceScope scope, Guid tenantId)
    {
        var caller = new CallerContext("user", "officer@demo.local", tenantId, "Demo Retail", new HashSet<string> { Roles.ComplianceOfficer });
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var user = new FixedCurrentUser(caller);
        ctx.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<RetentionService>(scope.ServiceProvider, user));
        ctx.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<ErasureService>(scope.ServiceProvider, user));
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return ctx;
    }
}
