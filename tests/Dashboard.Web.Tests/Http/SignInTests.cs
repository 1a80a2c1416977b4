using System.Net;
using Dashboard.Infrastructure.Identity;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class SignInTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Login_WithRightPassword_SetsTheAuthCookie()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await SignIn.PostLoginAsync(client, "marketer@demo.local", DashboardFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await SignIn.PostLoginAsync(client, "marketer@demo.local", DashboardFactory.DemoPassword, includeAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_LocksTheAccountEvenForTheRightPassword()
    {
        using var client = SignIn.CreateClient(factory);
        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostLoginAsync(client, "compliance@demo.local", "not-the-password-" + i);
        }

        var response = await SignIn.PostLoginAsync(client, "compliance@demo.local", DashboardFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("compliance@demo.local");
        Assert.True(user!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(4));
    }

    [Fact]
    public async Task Login_DisabledUser_IsRefused()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var created = await users.CreateAsync(
                new ApplicationUser { UserName = "gone@demo.local", Email = "gone@demo.local", IsDisabled = true }, DashboardFactory.MemberPassword);
            Assert.True(created.Succeeded);
        }

        using var client = SignIn.CreateClient(factory);
        var response = await SignIn.PostLoginAsync(client, "gone@demo.local", DashboardFactory.MemberPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_LockedAccount_AnswersExactlyLikeAnUnknownEmail()
    {
        using var client = SignIn.CreateClient(factory);
        for (var i = 0; i < 5; i++)
        {
            await SignIn.PostLoginAsync(client, "admin@demo.local", "not-the-password-" + i);
        }

        var locked = await SignIn.PostLoginAsync(client, "admin@demo.local", DashboardFactory.DemoPassword);
        var unknown = await SignIn.PostLoginAsync(client, "nobody-here@demo.local", DashboardFactory.DemoPassword);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (locked.StatusCode, unknown.StatusCode));
        Assert.Equal(await AlertAsync(unknown), await AlertAsync(locked));
    }

    [Fact]
    public async Task Login_WrongPassword_AnswersExactlyLikeAnUnknownEmail()
    {
        using var client = SignIn.CreateClient(factory);

        var wrong = await SignIn.PostLoginAsync(client, "marketer@demo.local", "not-the-password-at-all");
        var unknown = await SignIn.PostLoginAsync(client, "nobody-at-all@demo.local", "not-the-password-at-all");

        Assert.Equal(await AlertAsync(unknown), await AlertAsync(wrong));
    }

    /// <summary>The page's error message (the StatusMessage alert), which is all that differs between failures.</summary>
    private static async Task<string> AlertAsync(HttpResponseMessage response)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var match = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"mud-alert-message\"[^>]*>(?<text>.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "The page shows no alert.");
        return System.Text.RegularExpressions.Regex.Replace(match.Groups["text"].Value, "<[^>]+>", string.Empty).Trim();
    }
}
