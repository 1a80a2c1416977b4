using System.Net;
using System.Text;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class PrivacyReportDownloadTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task ComplianceOfficer_DownloadsTheReportAsCsv_NamedWithTheDate()
    {
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync("/privacy/report.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^privacy-report-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.StartsWith("Privacy report\r\nOrganisation,Demo Retail\r\n", (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComplianceOfficer_DownloadsTheReportAsPdf()
    {
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync("/privacy/report.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 0, 4));
    }

    [Theory]
    [InlineData("/privacy/report.csv")]
    [InlineData("/privacy/report.pdf")]
    public async Task Marketer_IsSentToAccessDenied(string path)
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var response = await client.GetAsync(path);

        Assert.Equal((HttpStatusCode.Found, "/Account/AccessDenied"), (response.StatusCode, response.Headers.Location!.AbsolutePath));
    }

    [Theory]
    [InlineData("/privacy/report.csv")]
    [InlineData("/privacy/report.pdf")]
    public async Task Anonymous_IsSentToSignIn(string path)
    {
        using var client = SignIn.CreateClient(factory);

        var response = await client.GetAsync(path);

        Assert.Equal((HttpStatusCode.Found, "/Account/Login"), (response.StatusCode, response.Headers.Location!.AbsolutePath));
    }
}
