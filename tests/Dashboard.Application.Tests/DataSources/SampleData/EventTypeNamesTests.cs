using Dashboard.Application.DataSources.Preview;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;

namespace Dashboard.Application.Tests.DataSources.SampleData;

/// <summary>Event types carry the words of the vertical an organisation's data came from.</summary>
public sealed class EventTypeNamesTests
{
    [Theory]
    [InlineData("Finance", "Product taken out")]
    [InlineData("Travel", "Booking")]
    [InlineData("Education", "Enrolment")]
    [InlineData("E-commerce", "Purchase")]
    [InlineData(null, "Purchase")]
    [InlineData("No such vertical", "Purchase")]
    public void Purchase_IsNamedInTheVerticalsWords(string? template, string expected) =>
        Assert.Equal(expected, EventTypeNames.For(template)[InteractionType.Purchase]);

    [Fact]
    public void EveryVertical_NamesEveryEventType()
    {
        foreach (var name in SampleCatalogTemplates.All.Keys)
        {
            Assert.Equal(Enum.GetValues<InteractionType>().Length, EventTypeNames.For(name).Count);
        }
    }

    [Fact]
    public async Task Preview_OfAnOrganisationWhoseDataIsTheFinanceSample_UsesFinanceWords_UntilRealDataIsImportedAfterIt()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        var imported = new DateTime(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            db.DataSources.Add(new DataSource
            {
                Name = "Finance sample", Kind = DataSourceKind.SampleData, SampleTemplate = "Finance",
                LastImportAtUtc = imported, LastImportState = ImportState.Succeeded, CreatedAtUtc = imported,
            });
            await db.SaveChangesAsync();
        }

        var finance = await host.InScopeAsync<IDataPreviewService, DataPreview>(s => s.GetAsync());
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            db.DataSources.Add(new DataSource
            {
                Name = "Shop export", Kind = DataSourceKind.FileUpload,
                LastImportAtUtc = imported.AddHours(1), LastImportState = ImportState.Succeeded, CreatedAtUtc = imported,
            });
            await db.SaveChangesAsync();
        }

        var afterRealData = await host.InScopeAsync<IDataPreviewService, DataPreview>(s => s.GetAsync());

        Assert.Equal(("Product taken out", "Application started"), (finance.EventName(InteractionType.Purchase), finance.EventName(InteractionType.AddToCart)));
        Assert.Equal("Purchase", afterRealData.EventName(InteractionType.Purchase));
    }
}
