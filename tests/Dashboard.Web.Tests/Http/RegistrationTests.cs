using System.Net;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class RegistrationTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Register_TakenOrganisationName_ShowsAClearMessage()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await PostRegisterAsync(client, "Demo Retail", "new@example.test", "a-long-enough-passphrase");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already registered", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
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
}
