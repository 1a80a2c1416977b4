using Dashboard.Application.Common;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Demo;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

/// <summary>The demo's data comes from a data source the list shows, not from a job no source owns.</summary>
public sealed class DemoSetUpTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task DemoOrganisation_GetsItsSampleDataThroughASampleDataSourceWhoseImportIsQueued()
    {
        _ = factory.Server;
        Guid tenantId;
        await using (var unbound = await factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContextAsync())
        {
            tenantId = await unbound.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        }

        await using var db = factory.Services.GetRequiredService<ITenantDbContextFactory>().CreateForTenant(tenantId);
        var source = await db.DataSources.SingleAsync();
        var run = await db.ImportRuns.SingleAsync(r => r.DataSourceId == source.Id);
        var job = await db.JobRuns.SingleAsync(j => j.Id == run.JobRunId);
        Assert.Equal(
            (DemoSeeder.SourceName, DataSourceKind.SampleData, JobKind.ImportDataSource),
            (source.Name, source.Kind, job.Kind));
    }
}
