using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Domain.DataSources;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.DataSources;

/// <summary>The data sources list says whose data is stored: a source whose data another replaced says so.</summary>
public sealed class DataSourceListTests
{
    private static readonly SampleDataOptions Small = new() { Users = 50, Items = 20, Interactions = 1_000, Seed = 7 };

    [Fact]
    public async Task List_ASourceWhoseDataASampleImportReplaced_SaysByWhichSourceAndWhen()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var upload = await CreateSourceAsync(host);
        await UploadAsync(host, upload, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, upload);
        host.Time.Advance(TimeSpan.FromHours(1));
        var sample = await CreateSourceAsync(host, new DataSourceInput { Name = "Finance sample", Kind = DataSourceKind.SampleData, SampleOptions = Small });
        var (runs, _) = await ImportAsync(host, admin.TenantId, sample);

        var list = await host.InScopeAsync<DataSourceService, IReadOnlyList<DataSourceSummary>>(s => s.ListAsync());

        var row = list.Single(s => s.Id == upload);
        Assert.Equal(("Finance sample", runs[0].FinishedAtUtc), (row.ReplacedBy, row.ReplacedAtUtc));
    }

    [Fact]
    public async Task List_AfterAnotherSourceAppended_DoesNotCallTheFirstReplaced()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var first = await CreateSourceAsync(host);
        await UploadAsync(host, first, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, first);
        host.Time.Advance(TimeSpan.FromHours(1));
        var second = await CreateSourceAsync(host, new DataSourceInput { Name = "Second export" });
        await UploadAsync(host, second, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, second);

        var list = await host.InScopeAsync<DataSourceService, IReadOnlyList<DataSourceSummary>>(s => s.ListAsync());

        Assert.Null(list.Single(s => s.Id == first).ReplacedBy);
    }

    [Fact]
    public async Task List_ASourceWhoseInteractionsAReplaceModeImportReplaced_SaysSo()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var first = await CreateSourceAsync(host);
        await UploadAsync(host, first, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, first);
        host.Time.Advance(TimeSpan.FromHours(1));
        var second = await CreateSourceAsync(host, new DataSourceInput { Name = "Full export", Mode = ImportMode.Replace });
        await UploadAsync(host, second, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, second);

        var list = await host.InScopeAsync<DataSourceService, IReadOnlyList<DataSourceSummary>>(s => s.ListAsync());

        Assert.Equal("Full export", list.Single(s => s.Id == first).ReplacedBy);
    }
}
