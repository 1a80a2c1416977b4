using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Training;

/// <summary>An organisation with a small generated data set and its Default blend, and helpers to train and inspect it.</summary>
internal static class TrainingTestKit
{
    public static readonly SampleDataOptions Small = new() { Users = 80, Items = 40, Interactions = 2_400, Days = 60, Seed = 7 };

    public static async Task<(TestHost Host, CallerContext Admin, Guid BlendId)> StartAsync(bool withData = true, Action<IServiceCollection>? configure = null)
    {
        var host = await TestHost.StartAsync(configure);
        var admin = await host.RegisterOrganisationAsync("Alpha");
        host.CurrentUser.Caller = admin;
        if (withData)
        {
            var sample = await host.QueueJobAsync(admin.TenantId, Small);
            await ExecuteAsync(host, admin.TenantId, sample);
        }

        await using var db = host.CreateTenantContext(admin.TenantId);
        var blendId = await db.Blends.Where(b => b.Name == BlendDefaults.DefaultBlendName).Select(b => b.Id).SingleAsync();
        return (host, admin, blendId);
    }

    public static async Task ExecuteAsync(TestHost host, Guid tenantId, Guid jobRunId, CancellationToken cancellationToken = default)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JobRunExecutor>().ExecuteAsync(tenantId, jobRunId, cancellationToken);
    }

    /// <summary>
    /// "Train now" as the current caller, then the run to its end, then the bias audit it queued (as the job server
    /// would run it next: activation follows the audit); returns the finished training run.
    /// </summary>
    public static async Task<JobRun> TrainAsync(TestHost host, Guid tenantId, Guid blendId, CancellationToken cancellationToken = default)
    {
        var run = await TrainOnlyAsync(host, tenantId, blendId, cancellationToken);
        await RunQueuedAsync(host, tenantId, JobKind.AuditModel);
        return run;
    }

    /// <summary>"Train now" and the training run to its end, leaving the bias audit it queued waiting.</summary>
    public static async Task<JobRun> TrainOnlyAsync(TestHost host, Guid tenantId, Guid blendId, CancellationToken cancellationToken = default)
    {
        var request = await host.InScopeAsync<ModelTrainingService, TrainingRequest>(s => s.TrainNowAsync(blendId));
        Assert.True(request.Queued, request.Message);
        await ExecuteAsync(host, tenantId, request.JobRunId, cancellationToken);
        await using var db = host.CreateTenantContext(tenantId);
        return await db.JobRuns.AsNoTracking().SingleAsync(j => j.Id == request.JobRunId, CancellationToken.None);
    }

    /// <summary>Runs every queued run of <paramref name="kind"/> (oldest first) to its end, the way the job server would; returns them finished.</summary>
    public static async Task<List<JobRun>> RunQueuedAsync(TestHost host, Guid tenantId, JobKind kind)
    {
        List<Guid> queued;
        await using (var db = host.CreateTenantContext(tenantId))
        {
            queued = await db.JobRuns.AsNoTracking().Where(j => j.Kind == kind && j.State == JobState.Queued)
                .OrderBy(j => j.QueuedAtUtc).ThenBy(j => j.Id).Select(j => j.Id).ToListAsync();
        }

        foreach (var id in queued)
        {
            await ExecuteAsync(host, tenantId, id);
        }

        await using var check = host.CreateTenantContext(tenantId);
        return await check.JobRuns.AsNoTracking().Where(j => queued.Contains(j.Id)).ToListAsync();
    }

    public static async Task<List<ModelVersion>> VersionsAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.ModelVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync();
    }

    public static async Task<Blend> BlendAsync(TestHost host, Guid tenantId, Guid blendId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.Blends.AsNoTracking().SingleAsync(b => b.Id == blendId);
    }

    /// <summary>Changes settings of the blend through the service, as the current caller.</summary>
    public static async Task UpdateAsync(TestHost host, Guid blendId, Func<BlendInput, BlendInput> change)
    {
        var view = await host.InScopeAsync<BlendService, BlendView>(s => s.GetAsync(blendId));
        var input = new BlendInput(view.Name, view.Spec, view.Schedule, view.CronExpression, view.AutoActivate, view.AutoActivateMargin, view.KeepVersions, view.ConcurrencyStamp);
        var result = await host.InScopeAsync<BlendService, BlendSaveResult>(s => s.UpdateAsync(blendId, change(input)));
        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
    }

    public static async Task<bool> ArtifactExistsAsync(TestHost host, Guid tenantId, Guid artifactId)
    {
        try
        {
            await using var stream = await host.Services.GetRequiredService<IModelArtifactStore>().OpenReadAsync(tenantId, artifactId, CancellationToken.None);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    /// <summary>Flips one byte of a stored artifact on disk (the local store), the way a damaged disk or a tampering hand would.</summary>
    public static void Corrupt(TestHost host, Guid artifactId)
    {
        var path = Directory.EnumerateFiles(host.ContentRoot, $"{artifactId:N}.*.artifact", SearchOption.AllDirectories).Single();
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
