using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

/// <summary>The account pages are static forms (no circuit), so the layout must not offer controls that need one.</summary>
public sealed class AccountPagesLayoutTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task AccountSettings_OfferAPlainSignOutButton_InsteadOfMenusThatCannotOpen()
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var html = await client.GetStringAsync("/Account/Manage");

        Assert.Contains("data-testid=\"sign-out\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"user-menu\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Toggle dark mode", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InteractivePages_KeepTheUserMenu()
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var html = await client.GetStringAsync("/");

        Assert.Contains("data-testid=\"user-menu\"", html, StringComparison.Ordinal);
        Assert.Contains("Toggle dark mode", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserMenu_IsNamedAfterTheSignedInPersonAndShowsTheirEmail()
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var html = await client.GetStringAsync("/");

        var menu = html[html.IndexOf("data-testid=\"user-menu\"", StringComparison.Ordinal)..];
        Assert.Contains("aria-label=\"Account menu for marketer@demo.local: account settings and sign out\"", menu[..menu.IndexOf("</button>", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("marketer@demo.local", menu[..menu.IndexOf("</button>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }
}
