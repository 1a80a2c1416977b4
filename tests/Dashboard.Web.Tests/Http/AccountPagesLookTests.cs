using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

/// <summary>
/// The sign-in, registration and account pages are drawn with MudBlazor like the rest of the app, in the light
/// and the dark theme, while their fields stay plain inputs that post the static form.
/// </summary>
public sealed partial class AccountPagesLookTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    public static TheoryData<string, bool, bool> Pages => new()
    {
        { "/Account/Login", false, false },
        { "/Account/Login", false, true },
        { "/Account/Register", false, false },
        { "/Account/Register", false, true },
        { "/Account/Manage", true, false },
        { "/Account/Manage", true, true },
        { "/Account/Manage/ChangePassword", true, true },
        { "/Account/Manage/TwoFactorAuthentication", true, false },
        { "/Account/Manage/PersonalData", true, true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AccountPage_IsDrawnWithMudBlazor_WithoutTheTemplatesBootstrapMarkup(string route, bool signedIn, bool dark)
    {
        var page = await GetAsync(route, signedIn, dark);

        Assert.NotNull(page.QuerySelector(".mud-paper"));
        Assert.NotNull(page.QuerySelector("h1.mud-typography"));
        Assert.NotEmpty(page.QuerySelectorAll("button.mud-button-root, a.mud-button-root"));
        Assert.Empty(page.QuerySelectorAll(".btn, .btn-primary, .form-floating, .form-control, .alert, .row, .col-lg-6"));
        Assert.DoesNotContain(page.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.Contains("bootstrap", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AccountPage_UsesTheRememberedTheme(bool dark)
    {
        var page = await GetAsync("/Account/Login", signedIn: false, dark);

        var background = BackgroundVariable().Match(page.DocumentElement.OuterHtml);
        Assert.True(background.Success, "The page has no theme palette.");
        Assert.Equal(dark, Luminance(background.Groups[1].Value) < 0.5);
    }

    [Theory]
    [InlineData(false, "dark", "Switch to dark mode")]
    [InlineData(true, "light", "Switch to light mode")]
    public async Task AccountPage_OffersTheThemeSwitch_ToTheOtherTheme(bool dark, string target, string label)
    {
        var page = await GetAsync("/Account/Login", signedIn: false, dark);

        var toggle = page.QuerySelector("[data-testid=theme-switch]");
        Assert.NotNull(toggle);
        Assert.Equal(target, toggle.GetAttribute("data-theme-switch"));
        Assert.Equal(label, toggle.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Login_FieldsStayPostingInputs_WithTheirNamesAndIds()
    {
        var page = await GetAsync("/Account/Login", signedIn: false, dark: false);

        var email = Assert.IsAssignableFrom<IHtmlInputElement>(page.QuerySelector("form input#Input\\.Email"));
        var password = Assert.IsAssignableFrom<IHtmlInputElement>(page.QuerySelector("form input#Input\\.Password"));
        Assert.Equal("Input.Email", email.Name);
        Assert.Equal("Input.Password", password.Name);
        Assert.Equal("password", password.Type);
        Assert.Contains("mud-input-root-outlined", email.ClassName, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("label[for='Input.Email'].mud-input-label"));
        Assert.Equal("submit", page.QuerySelector("form button.mud-button-filled")!.GetAttribute("type"));
    }

    [Fact]
    public async Task SignedOutPages_HaveNoEmptyNavigationColumn()
    {
        var page = await GetAsync("/Account/Login", signedIn: false, dark: false);

        Assert.Null(page.QuerySelector(".mud-drawer"));
    }

    [Fact]
    public async Task ManagePages_ListTheirSectionsInAMudBlazorNavMenu()
    {
        var page = await GetAsync("/Account/Manage/ChangePassword", signedIn: true, dark: false);

        var menu = page.QuerySelector("nav.mud-navmenu[aria-label='Account settings']");
        Assert.NotNull(menu);
        Assert.Contains(menu.QuerySelectorAll("a.mud-nav-link"), a => a.TextContent.Trim() == "Password" && a.ClassList.Contains("active"));
    }

    [Fact]
    public async Task FailedSignIn_ShowsItsMessageInAMudAlert()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await SignIn.PostLoginAsync(client, "marketer@demo.local", "not-the-password-at-all");

        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var alert = page.QuerySelector(".mud-alert.mud-alert-text-error[role=alert]");
        Assert.NotNull(alert);
        Assert.Contains("Sign-in failed", alert.TextContent, StringComparison.Ordinal);
    }

    private async Task<IHtmlDocument> GetAsync(string route, bool signedIn, bool dark)
    {
        using var client = signedIn ? await SignIn.AsAsync(factory, "marketer@demo.local") : SignIn.CreateClient(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Add("Cookie", $"{MainLayout.ThemeCookie}={(dark ? "dark" : "light")}");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Relative brightness (0 black, 1 white) of a CSS colour written as #rrggbb or rgb(a)(r,g,b,…).</summary>
    private static double Luminance(string colour)
    {
        colour = colour.Trim();
        int r, g, b;
        if (colour.StartsWith('#'))
        {
            r = int.Parse(colour.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            g = int.Parse(colour.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            b = int.Parse(colour.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        else
        {
            var parts = RgbParts().Match(colour);
            Assert.True(parts.Success, $"Unexpected colour {colour}");
            r = int.Parse(parts.Groups[1].Value, CultureInfo.InvariantCulture);
            g = int.Parse(parts.Groups[2].Value, CultureInfo.InvariantCulture);
            b = int.Parse(parts.Groups[3].Value, CultureInfo.InvariantCulture);
        }

        return ((0.2126 * r) + (0.7152 * g) + (0.0722 * b)) / 255;
    }

    [GeneratedRegex(@"--mud-palette-background:\s*([^;]+);")]
    private static partial Regex BackgroundVariable();

    [GeneratedRegex(@"rgba?\((\d+),\s*(\d+),\s*(\d+)")]
    private static partial Regex RgbParts();
}
