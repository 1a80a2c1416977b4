using System.Net;
using Dashboard.Infrastructure.Identity;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class TwoFactorTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task EverySignedInUser_CanStartAuthenticatorSetUp()
    {
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync("/Account/Manage/EnableAuthenticator");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("authenticator app", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("otpauth://totp/", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnablingAnAuthenticator_WithAValidCode_TurnsTwoFactorOn_AndKeepsThePersonSignedIn()
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");
        var form = await SignIn.ReadFormFieldsAsync(client, "/Account/Manage/EnableAuthenticator");
        string key;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync("marketer@demo.local"))!))!;
        }

        form["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow);
        var submitted = await client.PostAsync("/Account/Manage/EnableAuthenticator", new FormUrlEncodedContent(form));
        var html = WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("Your authenticator app has been verified.", html, StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True(await users.GetTwoFactorEnabledAsync((await users.FindByEmailAsync("marketer@demo.local"))!));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage/TwoFactorAuthentication")).StatusCode);
    }
}
