using System.Net;
using Dashboard.Domain.Identity;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class PageAuthorizationTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private static readonly Dictionary<string, string> DemoUserByRole = new()
    {
        [Roles.Admin] = "admin@demo.local",
        [Roles.Marketer] = "marketer@demo.local",
        [Roles.ComplianceOfficer] = "compliance@demo.local",
    };

    public static TheoryData<string> Routes() => [.. NavSections.All.Select(s => s.Href)];

    public static TheoryData<string, string> RoleRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.All)
        {
            foreach (var section in NavSections.All)
            {
                data.Add(role, section.Href);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task AnonymousVisitor_IsSentToSignIn(string route)
    {
        using var client = SignIn.CreateClient(factory);

        var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RoleRoutes))]
    public async Task SignedInUser_GetsExactlyThePagesTheirRoleAllows(string role, string route)
    {
        using var client = await SignIn.AsAsync(factory, DemoUserByRole[role]);
        var policy = NavSections.All.Single(s => s.Href == route).Policy;

        var response = await client.GetAsync(route);

        if (Policies.Allows(policy, [role]))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HangfireDashboard_RefusesTenantAdmins()
    {
        using var client = await SignIn.AsAsync(factory, DemoUserByRole[Roles.Admin]);

        var response = await client.GetAsync("/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status-forbidden\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing lives at this address", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_SaysNotFound()
    {
        using var client = await SignIn.AsAsync(factory, DemoUserByRole[Roles.Marketer]);

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("data-testid=\"status-not-found\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangfireDashboard_RefusesAnonymousVisitors()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await client.GetAsync("/hangfire");

        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, response.StatusCode.ToString());
        Assert.DoesNotContain("Nothing lives at this address", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusPages_AreRenderedWithoutACircuit_SoTheStatusStays()
    {
        using var client = await SignIn.AsAsync(factory, DemoUserByRole[Roles.Admin]);

        var html = await (await client.GetAsync("/hangfire")).Content.ReadAsStringAsync();

        // An interactive page carries a Blazor server component marker (as the Overview does) and would
        // re-render as "not found" once its circuit started.
        const string serverMarker = "<!--Blazor:{\"type\":\"server\"";
        Assert.Contains(serverMarker, await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(serverMarker, html, StringComparison.Ordinal);
    }
}
