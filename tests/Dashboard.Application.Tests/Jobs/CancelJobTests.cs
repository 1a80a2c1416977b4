using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Tests.Training;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Jobs;

public sealed class CancelJobTests
{
    [Fact]
    public async Task Cancel_AQueuedRun_EndsItAsCancelledAndTheExecutorNeverStartsIt()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        var request = await host.InScopeAsync<ModelTrainingService, TrainingRequest>(s => s.TrainNowAsync(blendId));

        var answer = await host.InScopeAsync<JobService, string>(j => j.CancelAsync(request.JobRunId));
        await ExecuteAsync(host, admin.TenantId, request.JobRunId);

        var run = await RunAsync(host, admin.TenantId, request.JobRunId);
        Assert.Equal("Cancelled before it started.", answer);
        Assert.Equal((JobState.Cancelled, null, 0), (run.State, run.StartedAtUtc, (await VersionsAsync(host, admin.TenantId)).Count));
        Assert.Contains(admin.UserName, run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ARunningTraining_StopsItAsCancelledWithNoVersionNoArtifactAndThePreviousVersionActive()
    {
        var hooked = (HookedArtifactStore?)null;
        var (host, admin, blendId) = await StartAsync(configure: services => Hook(services, s => hooked = s));
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var before = await BlendAsync(host, admin.TenantId, blendId);
        string? answer = null;
        hooked!.AfterSaveAsync = async (_, token) =>
        {
            hooked.AfterSaveAsync = null;
            var running = await host.InScopeAsync<JobService, IReadOnlyList<JobRunView>>(j => j.ListAsync());
            answer = await host.InScopeAsync<JobService, string>(j => j.CancelAsync(running.Single(r => r.State == JobState.Running).Id));

            // The executor looks for a cancel request once a second (on the test's clock).
            for (var i = 0; i < 200 && !token.IsCancellationRequested; i++)
            {
                host.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(25, CancellationToken.None);
            }

            token.ThrowIfCancellationRequested();
        };

        var run = await TrainAsync(host, admin.TenantId, blendId);

        Assert.StartsWith("Cancelling", answer, StringComparison.Ordinal);
        Assert.Equal((JobState.Cancelled, 1, before.ActiveVersionId, false),
            (run.State, (await VersionsAsync(host, admin.TenantId)).Count, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId,
                await ArtifactExistsAsync(host, admin.TenantId, run.Id)));
        Assert.Equal($"Cancelled by {admin.UserName} — nothing was changed", run.Message);
        Assert.Null(run.Error);
    }

    [Fact]
    public async Task Cancel_IsAuditedAsAPlainSentenceWithThePersonsName()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        var request = await host.InScopeAsync<ModelTrainingService, TrainingRequest>(s => s.TrainNowAsync(blendId));

        await host.InScopeAsync<JobService, string>(j => j.CancelAsync(request.JobRunId));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.JobCancelled);
        Assert.Equal(admin.UserName, entry.UserName);
        Assert.Equal("Cancelled the job “Train model” while it was queued; nothing it had started is kept.", Dashboard.Application.Auditing.AuditSentence.Describe(entry));
    }

    [Fact]
    public async Task Cancel_ARunThatHasFinished_SaysSoAndChangesNothing()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        var run = await TrainAsync(host, admin.TenantId, blendId);

        var answer = await host.InScopeAsync<JobService, string>(j => j.CancelAsync(run.Id));

        Assert.Equal("Nothing to cancel: the job has already finished.", answer);
        Assert.Equal(JobState.Succeeded, (await RunAsync(host, admin.TenantId, run.Id)).State);
    }

    [Fact]
    public async Task Cancel_ByAComplianceOfficer_OfATraining_IsRefused()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        var request = await host.InScopeAsync<ModelTrainingService, TrainingRequest>(s => s.TrainNowAsync(blendId));
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<JobService, string>(j => j.CancelAsync(request.JobRunId)));
        Assert.Equal(JobState.Queued, (await RunAsync(host, admin.TenantId, request.JobRunId)).State);
    }

    [Fact]
    public async Task Cancel_AnotherTenantsRun_IsNotFound()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        var request = await host.InScopeAsync<ModelTrainingService, TrainingRequest>(s => s.TrainNowAsync(blendId));
        host.CurrentUser.Caller = await host.RegisterOrganisationAsync("Beta", "b@example.test");

        await Assert.ThrowsAsync<NotFoundException>(() => host.InScopeAsync<JobService, string>(j => j.CancelAsync(request.JobRunId)));
        Assert.Equal(JobState.Queued, (await RunAsync(host, admin.TenantId, request.JobRunId)).State);
    }

    private static void Hook(IServiceCollection services, Action<HookedArtifactStore> capture) =>
        services.AddSingleton<IModelArtifactStore>(sp =>
        {
            var store = new HookedArtifactStore(sp.GetRequiredService<LocalModelArtifactStore>());
            capture(store);
            return store;
        });

    private static async Task<JobRun> RunAsync(TestHost host, Guid tenantId, Guid id)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.JobRuns.AsNoTracking().SingleAsync(j => j.Id == id);
    }
}
