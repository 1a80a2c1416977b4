using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Domain.Data;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Components.Pages.Privacy;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components.Privacy;

public sealed class PrivacyPanelsTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AnonymityPanel_ForAComplianceOfficer_ShowsTheGuidanceTheRulesAndComputesTheReport()
    {
        var (bunit, scope) = await ContextAsync(Roles.ComplianceOfficer);
        await using var _s = scope;
        await using var _b = bunit;
        var panel = bunit.Render<AnonymityPanel>();

        var guidance = panel.WaitForElement("[data-testid=k-guidance]", Wait).TextContent;
        panel.WaitForElement("[data-testid=generalisation-rules] tr[data-attribute='zip']", Wait);
        panel.Find("[data-testid=compute]").Click();
        var rows = panel.WaitForElements("[data-testid=k-report-row]", Wait);

        Assert.Equal((true, true, true),
            (guidance.Contains("k = 5 is common practice", StringComparison.Ordinal), rows.Count >= 1, rows[0].TextContent.Contains("zip", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnonymityPanel_ForAMarketer_OffersNoSaveButtons()
    {
        var (bunit, scope) = await ContextAsync(Roles.Marketer);
        await using var _s = scope;
        await using var _b = bunit;
        var panel = bunit.Render<AnonymityPanel>();

        panel.WaitForElement("[data-testid=generalisation-rules] tr[data-attribute='zip']", Wait);

        Assert.Equal((0, 0), (panel.FindAll("[data-testid=save-k]").Count, panel.FindAll("[data-testid=save-rule]").Count));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("100000")]
    public async Task AnonymityPanel_KOutOfRange_FirstClickOnSave_ShowsTheServiceMessageOnTheFieldAndKeepsK(string typed)
    {
        var (bunit, scope) = await ContextAsync(Roles.ComplianceOfficer);
        await using var _s = scope;
        await using var _b = bunit;
        var settings = bunit.Services.GetRequiredService<AnonymitySettingsService>();
        var before = (await settings.GetAsync()).K;
        var panel = bunit.Render<AnonymityPanel>();
        panel.WaitForElement("[data-testid=k-guidance]", Wait);

        panel.Find("[data-testid=k] input, input[data-testid=k]").Input(typed);
        panel.Find("[data-testid=save-k]").Click();

        panel.WaitForAssertion(() => Assert.Contains("from 2 to 1000", panel.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal(before, (await settings.GetAsync()).K);
    }

    [Fact]
    public async Task BudgetPanel_NegativeEpsilon_IsNotClampedAndShowsTheServiceMessage()
    {
        var (bunit, scope) = await ContextAsync(Roles.ComplianceOfficer);
        await using var _s = scope;
        await using var _b = bunit;
        var panel = bunit.Render<BudgetPanel>();
        panel.WaitForElement("[data-testid=budget-spent]", Wait);

        panel.Find("[data-testid=epsilon-per-query] input, input[data-testid=epsilon-per-query]").Input("-1");
        panel.Find("[data-testid=save-budget]").Click();

        panel.WaitForAssertion(() => Assert.Contains("must be greater than 0", panel.Markup, StringComparison.Ordinal), Wait);
        Assert.Equal("-1", panel.Find("[data-testid=epsilon-per-query] input, input[data-testid=epsilon-per-query]").GetAttribute("value"));
    }

    [Fact]
    public async Task BudgetPanel_ShowsThisMonthsSpendAndTheLedgerLine()
    {
        var (bunit, scope) = await ContextAsync(Roles.ComplianceOfficer);
        await using var _s = scope;
        await using var _b = bunit;
        var caller = await bunit.Services.GetRequiredService<ICurrentUser>().GetAsync();
        var marketer = ActivatorUtilities.CreateInstance<DifferentialPrivacyService>(scope.ServiceProvider, new FixedCurrentUser(caller with { UserName = "marketer@demo.local", Roles = new HashSet<string> { Roles.Marketer } }));
        var query = $"Budget panel test {Guid.NewGuid():N}";
        await marketer.CountsAsync(query, [new PrivateCount("all", 10)]);
        var panel = bunit.Render<BudgetPanel>();

        var line = panel.WaitForElements("[data-testid=ledger-line]", Wait).Single(l => l.TextContent.Contains(query, StringComparison.Ordinal));

        Assert.Equal((true, true),
            (line.TextContent.Contains("marketer@", StringComparison.Ordinal), panel.Find("[data-testid=budget-spent]").TextContent.Contains("of 10 spent", StringComparison.Ordinal)));
    }

    /// <summary>A bUnit context over the app's services for the demo organisation, which gets end-users with a quasi-identifying "zip".</summary>
    private async Task<(BunitContext Bunit, AsyncServiceScope Scope)> ContextAsync(string role)
    {
        _ = factory.Server;
        Guid tenantId;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        }

        var scope = factory.Services.CreateAsyncScope();
        await using (var tenantDb = scope.ServiceProvider.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId))
        {
            foreach (var zip in new[] { "75011", "75012", "69001" })
            {
                tenantDb.EndUsers.Add(new EndUser
                {
                    ExternalId = $"panel-{Guid.NewGuid():N}",
                    Attributes = [new EndUserAttribute { Key = "zip", Value = zip, IsQuasiIdentifier = true }],
                });
            }

            await tenantDb.SaveChangesAsync();
        }

        var caller = new CallerContext(role, $"{role.ToLowerInvariant()}@demo.local", tenantId, "Demo Retail", new HashSet<string> { role });
        var bunit = new BunitContext();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        var user = new FixedCurrentUser(caller);
        bunit.Services.AddSingleton<ICurrentUser>(user);
        bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<AnonymitySettingsService>(scope.ServiceProvider, user));
        bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<GeneralisationRulesService>(scope.ServiceProvider, user));
        bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<DifferentialPrivacyService>(scope.ServiceProvider, user));
        bunit.Services.AddScoped<IKAnonymityReport>(_ => ActivatorUtilities.CreateInstance<KAnonymityReport>(scope.ServiceProvider, user));
        return (bunit, scope);
    }
}
