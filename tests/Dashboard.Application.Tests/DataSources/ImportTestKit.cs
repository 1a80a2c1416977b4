using System.Text;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.DataSources;

/// <summary>Helpers: a file upload source, uploads from text, "import now" run to completion like the worker would.</summary>
internal static class ImportTestKit
{
    public static async Task<(TestHost Host, CallerContext Admin)> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var host = await TestHost.StartAsync(configure);
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        return (host, admin);
    }

    public static async Task<Guid> CreateSourceAsync(TestHost host, DataSourceInput? input = null)
    {
        var (result, id) = await host.InScopeAsync<DataSourceService, (Result, Guid)>(s => s.CreateAsync(input ?? new DataSourceInput { Name = "Shop export" }));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        return id;
    }

    public static Task<Result> UploadAsync(TestHost host, Guid id, DatasetKind dataset, string text, Encoding? encoding = null) =>
        UploadAsync(host, id, dataset, (encoding ?? new UTF8Encoding(false)).GetBytes(text));

    public static Task<Result> UploadAsync(TestHost host, Guid id, DatasetKind dataset, byte[] bytes) =>
        host.InScopeAsync<DataSourceUploadService, Result>(s => s.UploadAsync(id, dataset, "upload.csv", new MemoryStream(bytes)));

    /// <summary>Import now, then execute the queued job in-process; returns the source's runs of that job and the job.</summary>
    public static async Task<(IReadOnlyList<ImportRun> Runs, JobRun Job)> ImportAsync(TestHost host, Guid tenantId, Guid sourceId)
    {
        var result = await host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(sourceId));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        Guid jobId;
        await using (var db = host.CreateTenantContext(tenantId))
        {
            jobId = (await db.ImportRuns.Where(r => r.DataSourceId == sourceId && r.State == ImportState.Queued).Select(r => r.JobRunId).FirstAsync())!.Value;
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(tenantId, jobId, CancellationToken.None);
        }

        await using var check = host.CreateTenantContext(tenantId);
        var runs = await check.ImportRuns.AsNoTracking().Where(r => r.JobRunId == jobId).OrderBy(r => r.Dataset).ToListAsync();
        var job = await check.JobRuns.AsNoTracking().SingleAsync(j => j.Id == jobId);
        return (runs, job);
    }

    public static async Task<List<Dashboard.Domain.DataSources.ImportError>> ErrorsAsync(TestHost host, Guid tenantId, Guid runId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.ImportErrors.AsNoTracking().Where(e => e.ImportRunId == runId).OrderBy(e => e.Line).ToListAsync();
    }

    /// <summary>Every interaction as user|item|type|value|time, sorted: equal snapshots = equal data.</summary>
    public static async Task<string> SnapshotAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var rows = await db.Interactions.Select(i => i.EndUser!.ExternalId + "|" + i.Item!.ExternalId + "|" + i.Type + "|" + i.Value + "|" + i.OccurredAtUtc).ToListAsync();
        rows.Sort(StringComparer.Ordinal);
        var items = await db.Items.OrderBy(i => i.ExternalId).Select(i => i.ExternalId + ":" + i.Title).ToListAsync();
        return string.Join("\n", rows) + "#" + string.Join(",", items);
    }

    public const string Interactions =
        "user_id,item_id,event_type,value,timestamp\n" +
        "u1,i1,view,,2026-06-01 10:00:00\n" +
        "u1,i2,purchase,,2026-06-02T11:00:00Z\n" +
        "u2,i1,rating,4.5,1780000000\n";
}
