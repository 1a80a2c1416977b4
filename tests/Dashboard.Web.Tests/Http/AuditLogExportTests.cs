using System.Net;
using Dashboard.Web.Tests.Support;

namespace Dashboard.Web.Tests.Http;

public sealed class AuditLogExportTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task ComplianceOfficer_DownloadsTheFilteredLogAsCsv()
    {
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync("/audit-log/export.csv?person=the%20app%20(demo%20set-up)");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd().Split("\r\n");
        Assert.Contains(lines, l => l.Contains("the app (demo set-up),Organisation registered,Registered the organisation “Demo Retail”.", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("compliance@demo.local", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Marketer_IsRefused()
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var response = await client.GetAsync("/audit-log/export.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
