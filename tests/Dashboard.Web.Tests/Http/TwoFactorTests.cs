using System.Net;
using Dashboard.Web.Tests.Support;

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
}
