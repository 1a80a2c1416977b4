using System.Net;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

/// <summary>The page rendered by the real app over the real service and database, with data in the demo organisation.</summary>
public sealed class DataPreviewPagePopulatedTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task DemoOrganisationWithFinanceData_RendersChartsAndItsCategories()
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");
        await WriteFinanceSampleToDemoAsync();

        var response = await client.GetAsync("/data-sources/preview");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(
            ["data-testid=\"preview-top-items\"", "data-testid=\"preview-prices\"", "Mortgages", "data-testid=\"chip-sensitive\""],
            marker => Assert.Contains(marker, html, StringComparison.Ordinal));
    }

    private async Task WriteFinanceSampleToDemoAsync()
    {
        Guid tenantId;
        await using (var db = factory.Services.GetRequiredService<IDbContextFactory<DashboardDbContext>>().CreateDbContext())
        {
            tenantId = await db.Tenants.Where(t => t.Name == "Demo Retail").Select(t => t.Id).SingleAsync();
        }

        var data = new SampleDataGenerator(SampleCatalogTemplates.Get("Finance")).Generate(
            new SampleDataOptions { Users = 200, Items = 80, Interactions = 5_000, Seed = 3 },
            new DateTime(2026, 6, 30, 0, 0, 0, DateTimeKind.Utc),
            CancellationToken.None);
        await factory.Services.GetRequiredService<ISampleDataWriter>()
            .ReplaceTenantDataAsync(tenantId, data, new InlineProgress<int>(_ => { }), CancellationToken.None);
    }
}
