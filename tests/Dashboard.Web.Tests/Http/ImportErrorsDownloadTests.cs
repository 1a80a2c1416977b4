using System.Net;
using Dashboard.Application.Common;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Tenancy;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class ImportErrorsDownloadTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task Marketer_DownloadsTheirOrganisationsErrors_WithFormulasEscaped()
    {
        var runId = await CreateRunAsync("Demo Retail");
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");

        var response = await client.GetAsync($"/data-sources/imports/{runId}/errors.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("'=SUM(A1)", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComplianceOfficer_IsRefused()
    {
        var runId = await CreateRunAsync("Demo Retail");
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync($"/data-sources/imports/{runId}/errors.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("SUM", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOrganisationsRun_IsNotFound()
    {
        var runId = await CreateRunAsync("Other Org");
        using var client = await SignIn.AsAsync(factory, "admin@demo.local");

        var response = await client.GetAsync($"/data-sources/imports/{runId}/errors.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnonymousVisitor_IsNotServed()
    {
        var runId = await CreateRunAsync("Demo Retail");
        using var client = SignIn.CreateClient(factory);

        var response = await client.GetAsync($"/data-sources/imports/{runId}/errors.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A data source with one import run and one formula-like error in the named organisation (created if missing).</summary>
    private async Task<Guid> CreateRunAsync(string organisation)
    {
        _ = factory.Server;
        Guid tenantId;
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Name == organisation);
            if (tenant is null)
            {
                tenant = new Tenant { Id = Guid.NewGuid(), Name = organisation, NormalizedName = Tenant.Normalize(organisation), CreatedAtUtc = DateTime.UtcNow };
                db.Tenants.Add(tenant);
                await db.SaveChangesAsync();
            }

            tenantId = tenant.Id;
        }

        await using var tenantDb = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        var source = new DataSource { Id = Guid.NewGuid(), Name = "Upload " + Guid.NewGuid().ToString("N")[..8] };
        var run = new ImportRun { Id = Guid.NewGuid(), DataSourceId = source.Id, State = ImportState.Succeeded, QueuedAtUtc = DateTime.UtcNow };
        tenantDb.DataSources.Add(source);
        tenantDb.ImportRuns.Add(run);
        tenantDb.ImportErrors.Add(new ImportError { ImportRunId = run.Id, Line = 2, Column = "event_type", Value = "=SUM(A1)", Reason = "Unknown event type." });
        await tenantDb.SaveChangesAsync();
        return run.Id;
    }
}
