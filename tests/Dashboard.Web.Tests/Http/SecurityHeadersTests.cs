using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Web.Tests.Http;

public sealed partial class SecurityHeadersTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    public static TheoryData<string, string> Responses => new()
    {
        { "GET", "/" },
        { "GET", "/Account/Login" },
        { "GET", "/favicon.png" },
        { "GET", "/healthz" },
        { "GET", "/openapi/v1.json" },
        { "GET", "/no-such-page" },
        { "POST", "/api/v1/events" },
        { "GET", "/team" },
        { "GET", "/api/v1/no-such-endpoint" },
        { "GET", "/data-sources/imports/00000000-0000-0000-0000-000000000001/errors.csv" },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponse_CarriesTheBrowserHardeningHeaders(string method, string path)
    {
        using var client = await SignIn.AsAsync(factory, "admin@demo.local");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_SendsOneContentSecurityPolicy_WhoseNonceIsOnTheInlineImportMap()
    {
        using var client = SignIn.CreateClient(factory);

        using var response = await client.GetAsync("/Account/Login");
        var html = await response.Content.ReadAsStringAsync();

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var nonce = NonceInPolicy().Match(policy).Groups["nonce"].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideDevelopment_CookiesAreSecure_EvenOverPlainHttp()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var (status, cookies) = await PostLoginOverHttpAsync(client, "marketer@demo.local", DashboardFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.Redirect, status);
        var signInCookie = Assert.Single(cookies, c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("; secure", signInCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownHostHeader_IsRefused()
    {
        using var client = SignIn.CreateClient(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task OutsideDevelopment_HttpsResponses_CarryHsts()
    {
        await using var hosted = new DashboardFactory();
        hosted.Settings["AllowedHosts"] = "dashboard.example";
        using var client = hosted.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dashboard.example/") });

        using var response = await client.GetAsync("/Account/Login");

        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header.");

    /// <summary>The login form over http://, its antiforgery cookie carried by hand (a cookie jar keeps Secure cookies for HTTPS).</summary>
    private static async Task<(HttpStatusCode Status, IReadOnlyList<string> Cookies)> PostLoginOverHttpAsync(HttpClient client, string email, string password)
    {
        using var page = await client.GetAsync("/Account/Login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)).Split(';')[0];
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in HiddenInput().Matches(await page.Content.ReadAsStringAsync()))
        {
            fields[WebUtility.HtmlDecode(m.Groups["name"].Value)] = WebUtility.HtmlDecode(m.Groups["value"].Value);
        }

        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Account/Login") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Cookie", antiforgery);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : []);
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    [GeneratedRegex("'nonce-(?<nonce>[^']+)'")]
    private static partial Regex NonceInPolicy();
}
