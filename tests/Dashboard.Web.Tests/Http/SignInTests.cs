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

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Lockout", new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath);
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
                new ApplicationUser { UserName = "gone@demo.local", Email = "gone@demo.local", IsDisabled = true }, DashboardFactory.DemoPassword);
            Assert.True(created.Succeeded);
        }

        using var client = SignIn.CreateClient(factory);
        var response = await SignIn.PostLoginAsync(client, "gone@demo.local", DashboardFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
    }
}
