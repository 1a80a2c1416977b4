using System.Net;
using Dashboard.Application.Team;
using Dashboard.Domain.Identity;
using Dashboard.Infrastructure.Identity;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

/// <summary>
/// A ReturnUrl comes from the address bar, so anyone can put anything in it: after signing in (password,
/// two-factor code, recovery code) or out, a foreign one is ignored and the person lands on the Overview.
/// </summary>
public sealed class ReturnUrlTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    public static TheoryData<string> ForeignReturnUrls =>
    [
        "https://evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "https:evil.example",
        "javascript:alert(1)",
        "/\t/evil.example",
    ];

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Login_WithAForeignReturnUrl_SignsInAndGoesToTheOverview(string returnUrl)
    {
        using var client = SignIn.CreateClient(factory);

        var response = await SignIn.PostLoginAsync(client, "marketer@demo.local", DashboardFactory.DemoPassword, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(SignIn.BaseAddress, "/"), SignIn.Target(response));
    }

    [Theory]
    [InlineData("/jobs", "/jobs")]
    [InlineData("data-sources?tab=2", "/data-sources?tab=2")]
    [InlineData("https://localhost/team", "/team")]
    public async Task Login_WithALocalReturnUrl_GoesThere(string returnUrl, string expected)
    {
        using var client = SignIn.CreateClient(factory);

        var response = await SignIn.PostLoginAsync(client, "marketer@demo.local", DashboardFactory.DemoPassword, returnUrl: returnUrl);

        Assert.Equal(new Uri(SignIn.BaseAddress, expected), SignIn.Target(response));
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task TwoFactorLogin_WithAForeignReturnUrl_GoesToTheOverview(string returnUrl)
    {
        var (email, key, _) = await CreateTwoFactorUserAsync();
        using var client = SignIn.CreateClient(factory);
        var first = await SignIn.PostLoginAsync(client, email, DashboardFactory.MemberPassword, returnUrl: returnUrl);
        var twoFactorPage = SignIn.Target(first).PathAndQuery;
        var form = await SignIn.ReadFormFieldsAsync(client, twoFactorPage);
        form["Input.TwoFactorCode"] = Totp.Code(key, DateTimeOffset.UtcNow);

        var response = await client.PostAsync(twoFactorPage, new FormUrlEncodedContent(form));

        Assert.StartsWith("/Account/LoginWith2fa", twoFactorPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(SignIn.BaseAddress, "/"), SignIn.Target(response));
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task RecoveryCodeLogin_WithAForeignReturnUrl_GoesToTheOverview(string returnUrl)
    {
        var (email, _, recoveryCode) = await CreateTwoFactorUserAsync();
        using var client = SignIn.CreateClient(factory);
        await SignIn.PostLoginAsync(client, email, DashboardFactory.MemberPassword);
        var recoveryPage = "/Account/LoginWithRecoveryCode?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await SignIn.ReadFormFieldsAsync(client, recoveryPage);
        form["Input.RecoveryCode"] = recoveryCode;

        var response = await client.PostAsync(recoveryPage, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(SignIn.BaseAddress, "/"), SignIn.Target(response));
    }

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Logout_WithAForeignReturnUrl_SignsOutAndGoesHome(string returnUrl)
    {
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");
        var form = await SignIn.ReadFormFieldsAsync(client, "/Account/Manage");
        form["ReturnUrl"] = returnUrl;

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new Uri(SignIn.BaseAddress, "/"), SignIn.Target(response));
    }

    /// <summary>A Marketer of the demo organisation with an authenticator and one recovery code.</summary>
    private async Task<(string Email, string Key, string RecoveryCode)> CreateTwoFactorUserAsync()
    {
        var email = $"two-factor-{Guid.NewGuid():N}@demo.local";
        var tenantId = await ApiKeys.TenantIdAsync(factory, "Demo Retail");
        await using var scope = factory.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<IIdentityService>()
            .CreateMemberAsync(tenantId, email, null, DashboardFactory.MemberPassword, Roles.Marketer);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 1))!;
        return (email, key, codes.Single());
    }
}
