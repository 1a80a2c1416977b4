using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.Jobs;

public sealed class JobSchedulerTests
{
    private static readonly SampleDataOptions Small = new() { Users = 50, Items = 20, Interactions = 1_000, Seed = 7 };

    private static Action<IServiceCollection> With(RecordingJobClient client) => services =>
    {
        services.RemoveAll<IBackgroundJobClient>();
        services.AddSingleton<IBackgroundJobClient>(client);
    };

    [Fact]
    public async Task Enqueue_InATransactionThatNeverCommits_IsNotHandedToHangfire()
    {
        var client = new RecordingJobClient();
        var (host, admin) = await StartAsync(With(client));
        await using var _ = host;

        await using (var scope = host.Services.CreateAsyncScope())
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await using var transaction = await ((DbContext)db).Database.BeginTransactionAsync();
            scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(db, Small, admin);
            await db.SaveChangesAsync();
        }

        await using var check = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((0, 0), (client.HandedOver.Count, await check.JobRuns.CountAsync()));
    }

    [Fact]
    public async Task Enqueue_InATransaction_IsHandedToHangfireOnlyWhenItCommits()
    {
        var client = new RecordingJobClient();
        var (host, admin) = await StartAsync(With(client));
        await using var _ = host;
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = host.CreateTenantContext(admin.TenantId);
        await using var transaction = await ((DbContext)db).Database.BeginTransactionAsync();
        var run = scope.ServiceProvider.GetRequiredService<IJobScheduler>().Enqueue(db, Small, admin);
        await db.SaveChangesAsync();
        var beforeCommit = client.HandedOver.Count;

        await transaction.CommitAsync();

        Assert.Equal(0, beforeCommit);
        Assert.Equal([run.Id], client.HandedOver);
    }

    [Fact]
    public async Task ImportNow_WhenHangfireRefusesTheJob_FailsTheRunAndItsImportsSoANewImportCanStart()
    {
        var client = new RecordingJobClient { Refuse = true };
        var (host, admin) = await StartAsync(With(client));
        await using var _ = host;
        var id = await CreateSourceAsync(host);
        await UploadAsync(host, id, DatasetKind.Interactions, Interactions);

        await Assert.ThrowsAsync<BackgroundJobClientException>(() => host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id)));
        client.Refuse = false;
        var again = await host.InScopeAsync<ImportQueueService, Result>(s => s.ImportNowAsync(id));

        await using var check = host.CreateTenantContext(admin.TenantId);
        var failed = await check.JobRuns.SingleAsync(j => j.State == JobState.Failed);
        Assert.Contains("could not be queued", failed.Error, StringComparison.Ordinal);
        Assert.Equal(ImportState.Failed, (await check.ImportRuns.SingleAsync(r => r.JobRunId == failed.Id)).State);
        Assert.True(again.Succeeded, string.Join(" ", again.Errors));
    }
}
