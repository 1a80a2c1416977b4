using Bunit;
using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.ConsentsApi;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Pages.Privacy;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Web.Tests.Components;

/// <summary>The consent panel in bUnit over the real consent service and database, as a compliance officer of a fresh organisation.</summary>
public sealed class ConsentPanelTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private async Task<(BunitContext Bunit, AsyncServiceScope Scope, CallerContext Officer)> StartAsync(string organisation)
    {
        _ = factory.Server;
        var tenantId = await ApiKeys.RegisterOrganisationAsync(factory, organisation, $"{organisation.ToLowerInvariant().Replace(' ', '-')}@example.test");
        var officer = new CallerContext("officer", "officer@example.test", tenantId, organisation, new HashSet<string> { Roles.ComplianceOfficer });
        var scope = factory.Services.CreateAsyncScope();
        var bunit = new BunitContext();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        bunit.Services.AddScoped(_ => ActivatorUtilities.CreateInstance<ConsentService>(scope.ServiceProvider, new FixedCurrentUser(officer)));
        return (bunit, scope, officer);
    }

    [Fact]
    public async Task Coverage_ShowsGrantedWithdrawnAndNoRecordPerPurpose()
    {
        var (bunit, scope, officer) = await StartAsync("Consent Panel Coverage");
        await using var _ = bunit;
        await using var __ = scope;
        var at = System.Text.Json.JsonSerializer.SerializeToElement("2026-01-01T10:00:00Z");
        await scope.ServiceProvider.GetRequiredService<ConsentIngestService>().RecordAsync(officer.TenantId,
            [new ConsentInput("u1", "Personalisation", "granted", at), new ConsentInput("u2", "Personalisation", "withdrawn", at), new ConsentInput("u3", "Analytics", "granted", at)]);

        var panel = bunit.Render<ConsentPanel>();

        var cells = panel.WaitForElement("[data-testid=coverage-row][data-purpose=Personalisation]").QuerySelectorAll("td").Select(td => td.TextContent.Trim());
        Assert.Equal(["Personalisation", "1", "1", "1", "1"], cells);
    }

    [Fact]
    public async Task NoRecordSwitch_AsksFirst_AndOnceConfirmedChangesTheSettingAndItsExplanation()
    {
        var (bunit, scope, _) = await StartAsync("Consent Panel Switch");
        await using var __ = bunit;
        await using var ___ = scope;
        var dialogs = bunit.Render<MudDialogProvider>();
        var panel = bunit.Render<ConsentPanel>();

        panel.Find("[data-testid=consent-panel] input[type=checkbox]").Change(true);
        dialogs.WaitForElement(".mud-dialog");
        await dialogs.InvokeAsync(() => dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Change").Click());

        var service = bunit.Services.GetRequiredService<ConsentService>();
        panel.WaitForAssertion(() => Assert.StartsWith("On:", panel.Find("[data-testid=no-record-explanation]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.True(await service.NoRecordMeansConsentedAsync());
    }

    [Fact]
    public async Task AddPurposeDialog_AddsThePurposeToTheList()
    {
        var (bunit, scope, _) = await StartAsync("Consent Panel Purpose");
        await using var __ = bunit;
        await using var ___ = scope;
        var dialogs = bunit.Render<MudDialogProvider>();
        var panel = bunit.Render<ConsentPanel>();

        panel.Find("[data-testid=add-purpose]").Click();
        dialogs.WaitForElement(".mud-dialog input").Change("Loyalty programme");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=purpose-add]").Click());

        panel.WaitForAssertion(() => Assert.Contains(panel.FindAll("[data-testid=purpose-row]"), r => r.TextContent.Contains("Loyalty programme", StringComparison.Ordinal)));
    }
}
