using Dashboard.Application.Common;
using Dashboard.Application.DataSources;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Jobs;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Jobs;

public sealed class JobRunExecutorTests
{
    private static readonly SampleDataOptions Small = new() { Users = 50, Items = 20, Interactions = 1_000, Seed = 7 };

    [Fact]
    public async Task Execute_SampleDataJob_WritesDataAndMarksTheRunSucceeded()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");

        var run = await EnqueueAndRunAsync(host, admin.TenantId, Small);

        Assert.Equal((JobState.Succeeded, 100), (run.State, run.Progress));
        Assert.NotNull(run.StartedAtUtc);
        Assert.NotNull(run.FinishedAtUtc);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((50, 20, 1_000), (await db.EndUsers.CountAsync(), await db.Items.CountAsync(), await db.Interactions.CountAsync()));
    }

    [Fact]
    public async Task Execute_SampleDataJobTwice_GivesTheSameDataNotDuplicates()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        var parameters = Small;

        await EnqueueAndRunAsync(host, admin.TenantId, parameters);
        var first = await SnapshotAsync(host, admin.TenantId);
        await EnqueueAndRunAsync(host, admin.TenantId, parameters);
        var second = await SnapshotAsync(host, admin.TenantId);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Execute_InvalidParameters_MarksTheRunFailedWithTheReason()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");

        var run = await EnqueueAndRunAsync(host, admin.TenantId, Small with { Users = 1 });

        Assert.Equal(JobState.Failed, run.State);
        Assert.Contains("End-users must be between 10 and 1,000,000.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ARunThatAlreadyRan_IsNotRunTwice()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        var run = await EnqueueAndRunAsync(host, admin.TenantId, Small);
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(admin.TenantId, run.Id, CancellationToken.None);
        }

        var again = await LoadRunAsync(host, admin.TenantId, run.Id);
        Assert.Equal((run.StartedAtUtc, run.FinishedAtUtc), (again.StartedAtUtc, again.FinishedAtUtc));
    }

    [Fact]
    public async Task Execute_ARunDeliveredAgainAfterItsProcessDied_IsMarkedFailedNotRerun()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        var id = await host.QueueJobAsync(admin.TenantId, Small);
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.JobRuns.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running));
        }

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(admin.TenantId, id, CancellationToken.None);
        }

        var run = await LoadRunAsync(host, admin.TenantId, id);
        await using var check = host.CreateTenantContext(admin.TenantId);
        Assert.Equal(JobState.Failed, run.State);
        Assert.Equal(0, await check.Interactions.CountAsync());
    }

    [Fact]
    public async Task RunAgain_ByComplianceOfficer_IsRefused()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        var run = await EnqueueAndRunAsync(host, admin.TenantId, Small);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<JobService, Guid>(j => j.RunAgainAsync(run.Id)));
    }

    [Fact]
    public async Task RunAgain_AnotherTenantsRun_IsNotFound()
    {
        await using var host = await TestHost.StartAsync();
        var alpha = await host.RegisterOrganisationAsync("Alpha", "a@example.test");
        var beta = await host.RegisterOrganisationAsync("Beta", "b@example.test");
        var run = await EnqueueAndRunAsync(host, beta.TenantId, Small);
        host.CurrentUser.Caller = alpha;

        await Assert.ThrowsAsync<NotFoundException>(() => host.InScopeAsync<JobService, Guid>(j => j.RunAgainAsync(run.Id)));
    }

    [Fact]
    public async Task InterruptedRun_IsMarkedFailedAtStartup()
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.RegisterOrganisationAsync("Alpha");
        var id = await host.QueueJobAsync(admin.TenantId, Small);
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.JobRuns.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running));
        }

        await host.Services.GetRequiredService<InterruptedJobRecovery>().RecoverAsync();

        var run = await LoadRunAsync(host, admin.TenantId, id);
        Assert.Equal(JobState.Failed, run.State);
        Assert.Contains("run it again", run.Error, StringComparison.Ordinal);
    }

    private static async Task<JobRun> EnqueueAndRunAsync(TestHost host, Guid tenantId, SampleDataOptions parameters)
    {
        var id = await host.QueueJobAsync(tenantId, parameters);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(tenantId, id, CancellationToken.None);
        }

        return await LoadRunAsync(host, tenantId, id);
    }

    private static async Task<JobRun> LoadRunAsync(TestHost host, Guid tenantId, Guid id)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.JobRuns.AsNoTracking().SingleAsync(j => j.Id == id);
    }

    private static async Task<string> SnapshotAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        var users = await db.EndUsers.OrderBy(u => u.ExternalId).Select(u => u.ExternalId).ToListAsync();
        var interactions = await db.Interactions
            .Select(i => i.EndUser!.ExternalId + "|" + i.Item!.ExternalId + "|" + i.Type + "|" + i.OccurredAtUtc)
            .ToListAsync();
        interactions.Sort(StringComparer.Ordinal);
        return string.Join(",", users) + "#" + string.Join(",", interactions);
    }
}
