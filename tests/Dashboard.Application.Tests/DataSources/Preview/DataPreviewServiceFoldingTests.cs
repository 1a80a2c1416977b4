using Dashboard.Application.DataSources.Preview;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Data;

namespace Dashboard.Application.Tests.DataSources.Preview;

/// <summary>Long tails of attribute values are folded into one "Other" bar instead of being dropped.</summary>
public sealed class DataPreviewServiceFoldingTests
{
    [Fact]
    public async Task AttributeWithManyValues_KeepsTheTopValuesAndSumsTheRestAsOther()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            // Ten cities with one end-user each, plus two more in c00: c00 leads with 3, then c01…c09 tie at 1.
            var cities = Enumerable.Range(0, 10).Select(c => $"c{c:D2}").Concat(["c00", "c00"]).ToList();
            db.EndUsers.AddRange(cities.Select((city, n) => new EndUser
            {
                ExternalId = $"u{n}",
                Attributes = [new EndUserAttribute { Key = "city", Value = city, IsQuasiIdentifier = true }],
            }));
            await db.SaveChangesAsync();
        }

        host.CurrentUser.Caller = admin;
        var preview = await host.InScopeAsync<IDataPreviewService, DataPreview>(s => s.GetAsync());

        var city = Assert.Single(preview.Attributes);
        Assert.Equal(
            "c00=3, c01=1, c02=1, c03=1, c04=1, c05=1, c06=1, c07=1, Other=2",
            string.Join(", ", city.Values.Select(v => $"{v.Label}={v.Count}")));
    }
}
