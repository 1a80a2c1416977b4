using System.Net;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class DataPreviewPageAccessTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("admin@demo.local")]
    [InlineData("marketer@demo.local")]
    [InlineData("compliance@demo.local")]
    public async Task EveryDemoRole_GetsThePreviewPage(string email)
    {
        using var client = await SignIn.AsAsync(factory, email);

        var response = await client.GetAsync("/data-sources/preview");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnonymousVisitor_IsSentToSignIn()
    {
        using var client = SignIn.CreateClient(factory);

        var response = await client.GetAsync("/data-sources/preview");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
