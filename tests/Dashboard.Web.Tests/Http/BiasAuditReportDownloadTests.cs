using System.Net;
using System.Text;
using Dashboard.Application.Common;
using Dashboard.Tests.Shared;
using Dashboard.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class BiasAuditReportDownloadTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    private async Task<Guid> SeedAuditAsync(Guid tenantId)
    {
        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        var (_, _, auditId) = await BiasAuditSample.SeedAsync(db, $"Report test {Guid.NewGuid():N}"[..20]);
        return auditId;
    }

    private async Task<Guid> DemoAuditAsync()
    {
        return await SeedAuditAsync(await ApiKeys.TenantIdAsync(factory, "Demo Retail"));
    }

    [Fact]
    public async Task ComplianceOfficer_DownloadsTheAuditAsPdf_NamedForBlendVersionAndDay()
    {
        var auditId = await DemoAuditAsync();
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync($"/bias-audits/{auditId}/report.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Matches(@"^bias-audit-report-test-[0-9a-f]+-v3-20260620\.pdf$", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync(), 0, 4));
    }

    [Fact]
    public async Task Marketer_DownloadsTheAuditAsCsv_WithSizeBands()
    {
        var auditId = await DemoAuditAsync();
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var response = await client.GetAsync($"/bias-audits/{auditId}/report.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\r\nNorth,fewer than 30,0.100,1.000,0.631,0.63,Fail (blocking)\r\n", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.csv")]
    [InlineData("report.pdf")]
    public async Task AnotherTenantsAudit_IsNotFound(string file)
    {
        var other = await ApiKeys.RegisterOrganisationAsync(factory, $"Other {Guid.NewGuid():N}", $"{Guid.NewGuid():N}@example.test");
        var auditId = await SeedAuditAsync(other);
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync($"/bias-audits/{auditId}/{file}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("report.csv")]
    [InlineData("report.pdf")]
    public async Task Anonymous_IsSentToSignIn(string file)
    {
        var auditId = await DemoAuditAsync();
        using var client = SignIn.CreateClient(factory);

        var response = await client.GetAsync($"/bias-audits/{auditId}/{file}");

        Assert.Equal((HttpStatusCode.Found, "/Account/Login"), (response.StatusCode, response.Headers.Location!.AbsolutePath));
    }
}
