using Dashboard.Application.Jobs;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Training;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Demo;
using Dashboard.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Training;

public sealed class ScheduledTrainingTests
{
    [Fact]
    public async Task ScheduleTrigger_QueuesATrainingRequestedByTheBlendsSchedule()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;

        await host.InScopeAsync<ScheduledTraining, bool>(async s =>
        {
            await s.TriggerAsync(admin.TenantId, blendId, CancellationToken.None);
            return true;
        });

        await using var db = host.CreateTenantContext(admin.TenantId);
        var run = await db.JobRuns.SingleAsync(j => j.Kind == JobKind.TrainModel);
        Assert.Equal(("schedule of blend “Default”", blendId), (run.RequestedBy, JobParameters.Read<TrainModelParameters>(run.ParametersJson).BlendId));
    }

    [Fact]
    public async Task ScheduleTrigger_WhileATrainingRuns_QueuesNoSecond()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        await host.InScopeAsync<ModelTrainingService, TrainingRequest>(s => s.TrainNowAsync(blendId));

        var request = await host.InScopeAsync<ModelTrainingService, TrainingRequest?>(s => s.TrainOnScheduleAsync(admin.TenantId, blendId));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((false, 1), (request!.Queued, await db.JobRuns.CountAsync(j => j.Kind == JobKind.TrainModel)));
    }

    [Fact]
    public async Task Demo_QueuesATrainingOfItsDefaultBlendThatWaitsForTheSampleDataImport()
    {
        await using var host = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }

        Guid tenantId;
        await using (var unbound = host.CreateUnboundContext())
        {
            tenantId = await unbound.Tenants.Select(t => t.Id).SingleAsync();
        }

        await using var db = host.CreateTenantContext(tenantId);
        var import = await db.ImportRuns.SingleAsync();
        var training = await db.JobRuns.SingleAsync(j => j.Kind == JobKind.TrainModel);
        var blend = await db.Blends.SingleAsync();
        Assert.Equal(new TrainModelParameters(blend.Id, import.JobRunId), JobParameters.Read<TrainModelParameters>(training.ParametersJson));
    }
}
