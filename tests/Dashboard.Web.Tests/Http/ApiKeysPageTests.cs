using System.Net;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class ApiKeysPageTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private const string Route = "/data-sources/api-keys";

    [Theory]
    [InlineData("admin@demo.local")]
    [InlineData("marketer@demo.local")]
    public async Task PeopleWhoManageDataSources_CanOpenThePage(string email)
    {
        using var client = await SignIn.AsAsync(factory, email);

        var response = await client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("X-Api-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysList_ShowsEachKeysScopes()
    {
        var tenant = await ApiKeys.TenantIdAsync(factory, "Demo Retail");
        await ApiKeys.CreateAsync(factory, tenant, scopes: "recommendations:read");
        using var client = await SignIn.AsAsync(factory, "admin@demo.local");

        var html = await client.GetStringAsync(Route);

        Assert.Matches("data-testid=\"key-scopes\"[^>]*>(?:(?!</td>).)*recommendations:read", html);
    }

    [Fact]
    public async Task ComplianceOfficer_IsRefused()
    {
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToSignIn()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await client.GetAsync(Route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
