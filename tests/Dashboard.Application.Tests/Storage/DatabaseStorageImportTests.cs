using Dashboard.Application.DataSources;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Storage;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.Storage;

public sealed class DatabaseStorageImportTests
{
    [Fact]
    public async Task Import_OfAFileKeptInTheDatabase_WritesItsRows()
    {
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Storage:Provider"] = StorageProvider.Database });
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Shop export" });
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);

        var (runs, job) = await ImportAsync(host, admin.TenantId, id);

        Assert.Equal((JobState.Succeeded, 3), (job.State, runs.Single().RowsAccepted));
    }
}
