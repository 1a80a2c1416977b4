using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.DataSources;
using Microsoft.EntityFrameworkCore;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.DataSources;

/// <summary>Actions that replace data say what is stored now, and the audit entry of the request keeps it.</summary>
public sealed class DataReplacementTests
{
    private static readonly SampleDataOptions Small = new() { Users = 50, Items = 20, Interactions = 1_000, Seed = 7 };

    [Fact]
    public async Task RunAgain_OfSampleData_IsAuditedWithTheCountsStoredWhenRequested()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, id);
        var sample = await host.QueueJobAsync(admin.TenantId, Small, "system (demo set-up)");

        await host.InScopeAsync<JobService, Guid>(j => j.RunAgainAsync(sample));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(a => a.Action == "Job run again");
        Assert.Equal((admin.UserName, "stored: 2 end-users, 2 items, 3 interactions"), (entry.UserName, entry.Before));
    }

    [Fact]
    public async Task WhatRunAgainReplaces_AnAppendImport_IsNothing()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        var (_, job) = await ImportAsync(host, admin.TenantId, id);

        var replaced = await host.InScopeAsync<JobService, ReplacedData>(j => j.WhatRunAgainReplacesAsync(job.Id));

        Assert.False(replaced.ReplacesAnything);
    }

    [Fact]
    public async Task WhatImportReplaces_AReplaceModeSource_CountsTheDatasetsItImports()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Shop export", Mode = ImportMode.Replace });
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, id);

        var replaced = await host.InScopeAsync<ImportQueueService, ReplacedData>(s => s.WhatImportReplacesAsync(id));

        Assert.Equal([new DataCount("interactions", 3)], replaced.Counts);
    }

    [Fact]
    public async Task ImportNow_OfAReplaceModeSource_IsAuditedWithTheCountsStoredWhenRequested()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host, new DataSourceInput { Name = "Shop export", Mode = ImportMode.Replace });
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, id);

        Assert.True((await host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id))).Succeeded);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.Where(a => a.Action == AuditActions.ImportStarted).OrderBy(a => a.Id).LastAsync();
        Assert.Equal((admin.UserName, "stored: 3 interactions"), (entry.UserName, entry.Before));
    }

    [Fact]
    public async Task WhatImportReplaces_ASampleDataSource_IsTheWholeData()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var upload = await CreateSourceAsync(host);
        await UploadAsync(host, upload, DatasetKind.Interactions, Interactions);
        await ImportAsync(host, admin.TenantId, upload);
        var sample = await CreateSourceAsync(host, new DataSourceInput { Name = "Sample", Kind = DataSourceKind.SampleData, SampleOptions = Small });

        var replaced = await host.InScopeAsync<ImportQueueService, ReplacedData>(s => s.WhatImportReplacesAsync(sample));

        Assert.Equal("2 end-users, 2 items, 3 interactions", replaced.Describe());
    }
}
