using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests.Infrastructure;

/// <summary>The few user gestures the tests repeat: register, sign in, wait for the circuit, photograph a page.</summary>
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

    /// <summary>
    /// Signs in and waits for the Overview (the organisation's name in the app bar) and for its circuit: a
    /// link clicked while the prerendered page is still connecting can change the address without the
    /// interactive router ever rendering the new page (seen about once in a dozen runs).
    /// </summary>
    /// <summary>
    /// Waits on the Jobs page until the demo's sample-data import has succeeded, then returns to the Overview. The
    /// Overview lists only the latest five runs, and the demo's trainings, audits and campaign set-up soon push the
    /// import off it.
    /// </summary>
    public static async Task WaitForDemoImportAsync(this IPage page)
    {
        await page.GotoAsync("jobs");
        await page.WaitForInteractivityAsync();
        await Expect(page.GetByTestId("job-runs").Locator("tbody tr").Filter(new() { HasText = "Import data source" }).GetByTestId("job-state").Last)
            .ToHaveTextAsync("Succeeded");
        await page.GotoAsync("");
        await page.WaitForInteractivityAsync();
    }

    public static async Task SignInAsync(this IPage page, string email, string password, string organisation)
    {
        await page.GotoAsync("Account/Login");
        await page.Locator("[id='Input.Email']").FillAsync(email);
        await page.Locator("[id='Input.Password']").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("tenant-name")).ToHaveTextAsync(organisation);
        await page.WaitForInteractivityAsync();
    }

    /// <summary>
    /// Chooses a file in a Blazor InputFile (MudFileUpload's hidden input). Its change handler is attached
    /// by JavaScript after the component's first interactive render; a file set before that is silently
    /// lost, so this waits for the marker that handler's setup leaves on the element (blazor.web.js sets
    /// <c>_blazorInputFileNextFileId = 0</c> in <c>InputFile.init</c>).
    /// </summary>
    public static async Task ChooseFileAsync(this ILocator fileInput, string path)
    {
        try
        {
            await Expect(fileInput).ToHaveJSPropertyAsync("_blazorInputFileNextFileId", 0);
        }
        catch (PlaywrightException ex)
        {
            throw new PlaywrightException(
                "The file input never got Blazor's change handler: the circuit did not render it interactively, or blazor.web.js " +
                "no longer sets _blazorInputFileNextFileId in InputFile.init (see DashboardPage.ChooseFileAsync).", ex);
        }

        await fileInput.SetInputFilesAsync(path);
    }

    /// <summary>Registers a new organisation and waits for its (empty) Overview.</summary>
    public static async Task RegisterOrganisationAsync(this IPage page, string organisation, string email, string password)
    {
        await page.SubmitRegistrationAsync(organisation, email, password);
        await Expect(page.GetByTestId("tenant-name")).ToHaveTextAsync(organisation);
        await page.WaitForInteractivityAsync();
    }

    /// <summary>
    /// A full-page screenshot into the test output's <c>screenshots</c> folder (never the repository), for a
    /// person to look at after a run. The viewport grows to the page for the shot (a full-page capture
    /// would cut the drawer at the viewport's height) and then goes back to its size.
    /// </summary>
    public static async Task SaveScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(DashboardAppFixture.ScreenshotDirectory);
        var (width, height) = page.ViewportSize is { } size ? (size.Width, size.Height) : (1280, 800);
        var pageHeight = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(width, Math.Clamp(pageHeight, height, 3000));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardAppFixture.ScreenshotDirectory, name + ".png") });
        await page.SetViewportSizeAsync(width, height);
    }
}
