using System.Text.RegularExpressions;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

/// <summary>The light/dark choice is remembered in a cookie and applied by the server to the next page.</summary>
public sealed partial class ThemeTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Manage")]
    public async Task RememberedDarkMode_IsRenderedByTheServer(string route)
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var light = Background(await client.GetStringAsync(route));
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Add("Cookie", $"{MainLayout.ThemeCookie}=dark");
        var dark = Background(await (await client.SendAsync(request)).Content.ReadAsStringAsync());

        Assert.NotEqual(light, dark);
    }

    private static string Background(string html)
    {
        var match = BackgroundVariable().Match(html);
        Assert.True(match.Success, "The page has no theme palette.");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"--mud-palette-background:\s*([^;]+);")]
    private static partial Regex BackgroundVariable();
}
