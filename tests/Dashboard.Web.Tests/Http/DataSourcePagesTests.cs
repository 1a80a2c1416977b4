using System.Net;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class DataSourcePagesTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Theory]
    [InlineData("/data-sources")]
    [InlineData("/data-sources/new")]
    public async Task Marketer_GetsTheDataSourcePages(string route)
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var response = await client.GetAsync(route);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(route == "/data-sources" ? "Add data source" : "Settings", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComplianceOfficer_IsKeptOutOfTheEditor()
    {
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync("/data-sources/new");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NewSource_ExplainsTheModeItStartsWith()
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var html = await client.GetStringAsync("/data-sources/new");

        Assert.Contains("Append: new rows are added", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Replace: the import becomes the dataset", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownSourceId_ShowsNotFoundInsteadOfAnotherOrganisationsSource()
    {
        using var client = await SignIn.AsAsync(factory, "admin@demo.local");

        var html = await client.GetStringAsync($"/data-sources/{Guid.NewGuid()}");

        Assert.Contains("does not exist", html, StringComparison.Ordinal);
    }
}
