using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dashboard.Web.Tests.Support;

/// <summary>Signs in through the real login form (antiforgery token and all) with a cookie-keeping client.</summary>
public static partial class SignIn
{
    /// <summary>The address HTTP tests browse: HTTPS, as in production, where the cookies are Secure.</summary>
    public static readonly Uri BaseAddress = new("https://localhost/");

    public static HttpClient CreateClient(DashboardFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseAddress });

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password, bool includeAntiforgery = true, string? returnUrl = null)
    {
        var path = returnUrl is null ? "/Account/Login" : "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = await ReadFormFieldsAsync(client, path);
        if (!includeAntiforgery)
        {
            form.Remove("__RequestVerificationToken");
        }

        form["Input.Email"] = email;
        form["Input.Password"] = password;
        return await client.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public static async Task<HttpClient> AsAsync(DashboardFactory factory, string email, string password = DashboardFactory.DemoPassword)
    {
        var client = CreateClient(factory);
        var response = await PostLoginAsync(client, email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    /// <summary>The hidden inputs of the page's form (antiforgery token, Blazor's _handler).</summary>
    public static async Task<Dictionary<string, string>> ReadFormFieldsAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in HiddenInput().Matches(html))
        {
            fields[WebUtility.HtmlDecode(m.Groups["name"].Value)] = WebUtility.HtmlDecode(m.Groups["value"].Value);
        }

        return fields;
    }

    /// <summary>Where a redirect points, resolved against the test client's address.</summary>
    public static Uri Target(HttpResponseMessage response) =>
        new(BaseAddress, response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} has no Location."));

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
