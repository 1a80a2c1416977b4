using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Web.Components.Pages.Privacy;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Privacy;

/// <summary>The pseudonymisation panel over the app's real services, each test on an organisation of its own.</summary>
public sealed class PseudonymisationPanelTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task TurnOn_AsksFirstSayingItCannotBeUndone_ThenQueuesTheReKeyJob()
    {
        var tenantId = await OrganisationAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId, Roles.ComplianceOfficer);
        var panel = ctx.Render<PseudonymisationPanel>();

        panel.WaitForElement("[data-testid=pseudonymisation-turn-on]").Click();
        var confirm = panel.Find("[data-testid=pseudonymisation-confirm]").TextContent;
        Assert.Equal(0, await RekeyRunsAsync(tenantId));
        panel.Find("[data-testid=pseudonymisation-confirm-yes]").Click();

        Assert.Contains("cannot be turned off again", confirm, StringComparison.Ordinal);
        panel.WaitForElement("[data-testid=pseudonymisation-progress]");
        Assert.Equal(1, await RekeyRunsAsync(tenantId));
    }

    [Fact]
    public async Task WhenOn_ShowsTheKeyAge_AndTurnOffExplainsWhyItIsRefused()
    {
        var tenantId = await OrganisationAsync();
        await using (var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            var settings = await db.PrivacySettingsForUpdateAsync(CancellationToken.None);
            settings.PseudonymiseEndUserIds = true;
            settings.PseudonymisedSinceUtc = DateTime.UtcNow.AddDays(-3);
            db.PseudonymKeys.Add(new Domain.Privacy.PseudonymKey
            {
                ProtectedKey = factory.Services.GetRequiredService<IPseudonymKeyProtector>().Protect(tenantId, new byte[32]),
                CreatedAtUtc = DateTime.UtcNow.AddDays(-3).AddHours(-1),
            });
            await db.SaveChangesAsync();
        }

        await using var scope = factory.Services.CreateAsyncScope();
        await using var ctx = Context(scope, tenantId, Roles.Admin);
        var panel = ctx.Render<PseudonymisationPanel>();

        Assert.Contains("3 days old", panel.WaitForElement("[data-testid=pseudonymisation-key-age]").TextContent, StringComparison.Ordinal);
        panel.Find("[data-testid=pseudonymisation-turn-off]").Click();
        Assert.Equal(PseudonymisationService.TurnOffRefusal, panel.WaitForElement("[data-testid=pseudonymisation-refusal]").TextContent.Trim());
        Assert.Empty(panel.FindAll("[data-testid=pseudonymisation-turn-on]"));
    }

    private static int _organisations;

    private async Task<Guid> OrganisationAsync()
    {
        _ = factory.Server;
        var n = Interlocked.Increment(ref _organisations);
        return await ApiKeys.RegisterOrganisationAsync(factory, $"Pseudonyms {n}", $"pseudonyms-{n}@example.test");
    }

    private async Task<int> RekeyRunsAsync(Guid tenantId)
    {
        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        return await db.JobRuns.CountAsync(j => j.Kind == JobKind.RekeyPseudonyms);
    }

    private static BunitContext Context(AsyncServiceScope scope, Guid tenantId, string role)
    {
        var caller = new CallerContext("user", "user@example.test", tenantId, "Pseudonyms", new HashSet<string> { role });
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<PseudonymisationService>(scope.ServiceProvider, new FixedCurrentUser(caller)));
        ctx.Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return ctx;
    }
}
