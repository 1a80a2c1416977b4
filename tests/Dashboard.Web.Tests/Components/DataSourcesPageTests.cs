using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Components.Pages.DataSources;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>The data sources list over the app's real service and database (demo organisation, as its marketer).</summary>
public sealed class DataSourcesPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task EachCell_CarriesItsColumnLabel_SoAPhoneShowsLabelledValues()
    {
        _ = factory.Server;
        Guid tenantId;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        }

        var marketer = new CallerContext("marketer", "marketer@demo.local", tenantId, "Demo Retail", new HashSet<string> { Roles.Marketer });
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<DataSourceService>(scope.ServiceProvider, new FixedCurrentUser(marketer)));
        ctx.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<ImportQueueService>(scope.ServiceProvider, new FixedCurrentUser(marketer)));

        // Prerendered: the labels are in the markup either way, and no poller runs for the demo's queued import.
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        var page = ctx.Render<DataSourcesPage>();

        var row = page.WaitForElement("[data-testid=data-sources] tbody tr");
        Assert.Equal(
            new string?[] { "Name", "Kind", "Last import", "Rows", "State", "Actions" },
            row.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")).ToArray());
    }
}
