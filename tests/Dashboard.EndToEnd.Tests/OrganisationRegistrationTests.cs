using System.Text.RegularExpressions;
using Dashboard.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

[Collection(DashboardAppCollectionDefinition.Name)]
public sealed class OrganisationRegistrationTests(DashboardAppFixture app)
{
    private const string StrongPassword = "Plum-Orchard-Lantern-42";

    [BrowserFact]
    public async Task RegisteredAdmin_AddsMarketer_WhoIsRefusedTheTeamPage()
    {
        const string organisation = "Northwind Garden";
        const string marketer = "mira@northwind.test";

        await using (var adminContext = await app.NewContextAsync())
        {
            var admin = await adminContext.NewPageAsync();
            await admin.SubmitRegistrationAsync(organisation, "owner@northwind.test", StrongPassword);

            // A new organisation lands on its own, empty Overview: the demo organisation's data is not visible.
            await Expect(admin).ToHaveURLAsync(app.BaseAddress.ToString());
            await Expect(admin.GetByTestId("tenant-name")).ToHaveTextAsync(organisation);
            await Expect(admin.GetByTestId("count-interactions")).ToHaveTextAsync("0");

            await admin.GotoAsync("team");
            await admin.WaitForInteractivityAsync();
            await admin.GetByTestId("new-email").FillAsync(marketer);
            await admin.GetByTestId("new-name").FillAsync("Mira Jones");
            await admin.GetByTestId("new-password").FillAsync(StrongPassword);
            await admin.GetByTestId("new-role").ClickAsync();
            await admin.GetByRole(AriaRole.Option, new() { Name = "Marketer", Exact = true }).ClickAsync();
            await admin.GetByTestId("add-member").ClickAsync();

            var row = admin.GetByTestId("team-members").GetByRole(AriaRole.Row).Filter(new() { HasText = marketer });
            await Expect(row).ToContainTextAsync("Marketer");
            await Expect(admin.GetByTestId("team-error")).ToHaveCountAsync(0);
        }

        await using var marketerContext = await app.NewContextAsync();
        var page = await marketerContext.NewPageAsync();
        await page.SignInAsync(marketer, StrongPassword, organisation);

        // Inside the circuit: no Team entry in the drawer, and navigating there shows the notice.
        await page.WaitForInteractivityAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Team", Exact = true })).ToHaveCountAsync(0);
        await page.EvaluateAsync("() => Blazor.navigateTo('/team')");
        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("team-members")).ToHaveCountAsync(0);

        // A full page load is refused by the endpoint's authorization before any component renders.
        await page.GotoAsync("team");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task AdminWhoHandsOverAndStepsDown_IsToldToSignInAgain_AndThePageKeepsWorking()
    {
        const string organisation = "Quayside Books";
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        await page.RegisterOrganisationAsync(organisation, "founder@quayside.test", StrongPassword);
        await page.GotoAsync("team");
        await page.WaitForInteractivityAsync();
        await page.GetByTestId("new-email").FillAsync("successor@quayside.test");
        await page.GetByTestId("new-password").FillAsync(StrongPassword);
        await page.GetByTestId("new-role").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Admin", Exact = true }).ClickAsync();
        await page.GetByTestId("add-member").ClickAsync();
        await Expect(page.GetByTestId("team-members")).ToContainTextAsync("successor@quayside.test");

        // The founder makes themself a Marketer: the change is made, and their own page says what it means.
        var own = page.GetByTestId("team-members").GetByRole(AriaRole.Row).Filter(new() { HasText = "founder@quayside.test" });
        await own.GetByLabel("Role").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Marketer", Exact = true }).ClickAsync();

        await Expect(page.GetByText("Your access has changed since you signed in")).ToBeVisibleAsync();
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.DoesNotContain(errors, e => e.Contains("Circuit has been shut down", StringComparison.Ordinal));
        await page.ReloadAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [BrowserFact]
    public async Task RegisteringATakenOrganisationName_IsRefusedWithoutSayingWhichDetailIsTaken()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        // The demo organisation is created on the empty database at start-up.
        await page.SubmitRegistrationAsync("Demo Retail", "someone@elsewhere.test", StrongPassword);

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Could not register with these details.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register your organisation" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task RegisteringWithACommonPassword_ShowsAClearError()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.SubmitRegistrationAsync("Common Password Ltd", "owner@common-password.test", "password1234");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("commonly used passwords");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Register your organisation" })).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task RegistrationRefusedForItsPassword_LeavesTheOrganisationNameFree()
    {
        const string organisation = "Second Attempt Ltd";
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SubmitRegistrationAsync(organisation, "owner@second-attempt.test", "password1234");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("commonly used passwords");

        await page.SubmitRegistrationAsync(organisation, "owner@second-attempt.test", StrongPassword);

        await Expect(page.GetByTestId("tenant-name")).ToHaveTextAsync(organisation);
    }
}
