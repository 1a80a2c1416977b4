using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.Jobs;

public sealed class InterruptedJobCleanUpTests
{
    private static readonly SampleDataOptions Small = new() { Users = 50, Items = 20, Interactions = 1_000, Seed = 7 };

    [Fact]
    public async Task InterruptedImport_IsCleanedUpByTheImportHandler()
    {
        var (host, admin) = await StartAsync();
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);
        Assert.True((await host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id))).Succeeded);
        var jobId = await MarkRunningAsync(host, admin.TenantId, JobKind.ImportDataSource);
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.ImportRuns.ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportState.Running));
            await db.DataSources.ExecuteUpdateAsync(s => s.SetProperty(d => d.LastImportState, ImportState.Running));
        }

        await host.Services.GetRequiredService<InterruptedJobRecovery>().RecoverAsync();

        await using var check = host.CreateTenantContext(admin.TenantId);
        var job = await check.JobRuns.SingleAsync(j => j.Id == jobId);
        var import = await check.ImportRuns.SingleAsync();
        Assert.Equal(
            (JobState.Failed, true, ImportState.Failed, "The app stopped while this job was running. Nothing was changed; import again.", ImportState.Failed),
            (job.State, job.Error!.Contains("Nothing was imported", StringComparison.Ordinal), import.State, import.Summary,
                (await check.DataSources.SingleAsync()).LastImportState));
    }

    [Fact]
    public async Task InterruptedSampleDataRun_IsCleanedUpByTheSampleDataHandler()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        await host.QueueJobAsync(admin.TenantId, Small);
        var jobId = await MarkRunningAsync(host, admin.TenantId, JobKind.GenerateSampleData);

        await host.Services.GetRequiredService<InterruptedJobRecovery>().RecoverAsync();

        await using var check = host.CreateTenantContext(admin.TenantId);
        var job = await check.JobRuns.SingleAsync(j => j.Id == jobId);
        Assert.Equal(
            (JobState.Failed, "The app stopped while this job was running. No sample data was generated and the organisation's data is as it was before; run it again."),
            (job.State, job.Error));
    }

    [Fact]
    public async Task Recovery_HandsEachInterruptedRunToTheHandlerOfItsKindOnly()
    {
        var sample = new SpyHandler(JobKind.GenerateSampleData);
        var import = new SpyHandler(JobKind.ImportDataSource);
        await using var host = await TestHost.StartAsync(services =>
        {
            services.RemoveAll<IJobHandler>();
            services.AddSingleton<IJobHandler>(sample);
            services.AddSingleton<IJobHandler>(import);
        });
        var admin = await host.RegisterOrganisationAsync("Alpha");
        await host.QueueJobAsync(admin.TenantId, Small);
        var jobId = await MarkRunningAsync(host, admin.TenantId, JobKind.GenerateSampleData);

        await host.Services.GetRequiredService<InterruptedJobRecovery>().RecoverAsync();

        Assert.Equal([new InterruptedJob(admin.TenantId, jobId, "The app stopped while this job was running.")], sample.CleanedUp);
        Assert.Empty(import.CleanedUp);
    }

    private static async Task<Guid> MarkRunningAsync(TestHost host, Guid tenantId, JobKind kind)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var id = await db.JobRuns.Where(j => j.Kind == kind).Select(j => j.Id).SingleAsync();
        await db.JobRuns.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running));
        return id;
    }

    private sealed class SpyHandler(JobKind kind) : IJobHandler
    {
        private readonly List<InterruptedJob> _cleanedUp = [];

        public IReadOnlyList<InterruptedJob> CleanedUp => _cleanedUp;

        public JobKind Kind => kind;

        public string Name => kind.ToString();

        public string RequiredPolicy => Policies.ManageDataSources;

        public Task RunAsync(JobContext context) => Task.CompletedTask;

        public Task<string> CleanUpInterruptedAsync(InterruptedJob job, CancellationToken cancellationToken)
        {
            _cleanedUp.Add(job);
            return Task.FromResult("Spy cleaned up.");
        }
    }
}
