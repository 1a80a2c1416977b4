using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests.Infrastructure;

/// <summary>The few user gestures the tests repeat: register, sign in, wait for the circuit.</summary>
internal static class DashboardPage
{
    /// <summary>
    /// Pages are prerendered, so their buttons exist before the circuit is connected and clicks on them
    /// go nowhere. MudPopoverProvider (in MainLayout) initialises its JavaScript from its first
    /// interactive render, so once that has happened the page's components are interactive too — and a
    /// MudSelect, which opens into that provider, can be used.
    /// </summary>
    public static async Task WaitForInteractivityAsync(this IPage page)
    {
        try
        {
            await page.WaitForFunctionAsync("() => !!window.mudpopoverHelper?.mainContainerClass");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(
                $"{page.Url} never became interactive: the Blazor circuit did not connect, or MudBlazor no longer sets " +
                "window.mudpopoverHelper.mainContainerClass when MudPopoverProvider initialises (see DashboardPage).", ex);
        }
    }

    /// <summary>Fills and submits the static "Register your organisation" form.</summary>
    public static async Task SubmitRegistrationAsync(this IPage page, string organisation, string email, string password)
    {
        await page.GotoAsync("Account/Register");
        await page.Locator("[id='Input.OrganisationName']").FillAsync(organisation);
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(password);
        await page.Locator("[id='Input.ConfirmPassword']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register organisation" }).ClickAsync();
    }

    /// <summary>Signs in and waits for the Overview, which shows the organisation's name in the app bar.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password, string organisation)
    {
        await page.GotoAsync("Account/Login");
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("tenant-name")).ToHaveTextAsync(organisation);
    }
}
