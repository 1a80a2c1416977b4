using System.Net;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class RegistrationTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Register_TakenOrganisationName_IsRefusedWithoutNamingIt()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await PostRegisterAsync(client, "Demo Retail", "new@example.test", "a-long-enough-passphrase");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Could not register with these details.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("already registered", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_TakenEmail_AnswersLikeATakenOrganisationName()
    {
        using var client = SignIn.CreateClient(factory);

        var takenEmail = await PostRegisterAsync(client, "Unused Org Name", "marketer@demo.local", "a-long-enough-passphrase");
        var takenName = await PostRegisterAsync(client, "Demo Retail", "unused-address@example.test", "a-long-enough-passphrase");

        Assert.Equal(await AlertAsync(takenName), await AlertAsync(takenEmail));
    }

    [Fact]
    public async Task Register_WithThePublicDemoPassword_IsRefused()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await PostRegisterAsync(client, "Copycat Org", "copycat@example.test", DashboardFactory.DemoPassword);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("demo organisation's password", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ShortPassword_SaysSoOnce()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await PostRegisterAsync(client, "Short Org", "short@example.test", "too-short");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(html, "must be at least 12"));
    }

    [Fact]
    public async Task Register_CommonPassword_ShowsAClearMessage()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await PostRegisterAsync(client, "Fresh Org", "fresh@example.test", "password1234");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("commonly used passwords", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_NewOrganisation_SignsInAndLandsOnTheOverview()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await PostRegisterAsync(client, "Brand New Org", "owner@example.test", "a-long-enough-passphrase");
        var overview = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostRegisterAsync(HttpClient client, string organisation, string email, string password)
    {
        var form = await SignIn.ReadFormFieldsAsync(client, "/Account/Register");
        form["Input.OrganisationName"] = organisation;
        form["Input.Email"] = email;
        form["Input.Password"] = password;
        form["Input.ConfirmPassword"] = password;
        return await client.PostAsync("/Account/Register", new FormUrlEncodedContent(form));
    }

    private static async Task<string> AlertAsync(HttpResponseMessage response)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var match = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"mud-alert-message\"[^>]*>(?<text>.*?)</div>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success, "The page shows no alert.");
        return match.Groups["text"].Value.Trim();
    }
}
