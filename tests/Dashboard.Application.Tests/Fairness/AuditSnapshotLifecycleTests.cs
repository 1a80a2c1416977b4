using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Training;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Fairness;

/// <summary>A version's audit snapshot lives and dies with it: found from the training run, deleted wherever the version's model is.</summary>
public sealed class AuditSnapshotLifecycleTests
{
    [Fact]
    public void SnapshotId_IsDerivedFromTheRunAlone_AndIsNeverTheRunsOwnId()
    {
        var run = Guid.Parse("0192f0c4-7a1e-7c3b-9d2a-4f1e2d3c4b5a");

        Assert.Equal((true, false, false), (AuditSnapshotArtifact.IdFor(run) == AuditSnapshotArtifact.IdFor(run),
            AuditSnapshotArtifact.IdFor(run) == run, AuditSnapshotArtifact.IdFor(run) == AuditSnapshotArtifact.IdFor(Guid.Empty)));
    }

    [Fact]
    public async Task KilledTraining_ItsStoredSnapshotIsDeletedByStartUpRecovery()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        var runId = await host.QueueJobAsync(admin.TenantId, new TrainModelParameters(blendId));
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.JobRuns.Where(j => j.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running));
        }

        var snapshot = AuditSnapshotArtifact.IdFor(runId);
        await host.Services.GetRequiredService<IModelArtifactStore>().SaveAsync(admin.TenantId, snapshot, new MemoryStream([1, 2, 3]), CancellationToken.None);

        await host.Services.GetRequiredService<InterruptedJobRecovery>().RecoverAsync();

        Assert.False(await ArtifactExistsAsync(host, admin.TenantId, snapshot));
    }

    [Fact]
    public async Task PrunedVersion_ItsSnapshotIsDeletedWithIt()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        await UpdateAsync(host, blendId, i => i with { AutoActivate = false, KeepVersions = 1 });
        await TrainAsync(host, admin.TenantId, blendId);
        var second = (await VersionsAsync(host, admin.TenantId)).Single(v => v.Number == 2);
        var snapshot = await GiveSnapshotAsync(host, admin.TenantId, second.Id, second.JobRunId!.Value);

        await TrainAsync(host, admin.TenantId, blendId);

        Assert.Equal(("1, 3", false), (string.Join(", ", (await VersionsAsync(host, admin.TenantId)).Select(v => v.Number)),
            await ArtifactExistsAsync(host, admin.TenantId, snapshot)));
    }

    [Fact]
    public async Task DeletedBlend_ItsVersionsSnapshotsAreDeleted()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = Assert.Single(await VersionsAsync(host, admin.TenantId));
        var snapshot = await GiveSnapshotAsync(host, admin.TenantId, version.Id, version.JobRunId!.Value);

        var result = await host.InScopeAsync<BlendService, Result>(s => s.DeleteAsync(blendId));

        Assert.Equal((true, false), (result.Succeeded, await ArtifactExistsAsync(host, admin.TenantId, snapshot)));
    }

    /// <summary>Stores a snapshot artifact under the run's derived id and points the version at it, as a training does.</summary>
    internal static async Task<Guid> GiveSnapshotAsync(Tests.Support.TestHost host, Guid tenantId, Guid versionId, Guid runId)
    {
        var snapshot = AuditSnapshotArtifact.IdFor(runId);
        if (!await ArtifactExistsAsync(host, tenantId, snapshot))
        {
            await host.Services.GetRequiredService<IModelArtifactStore>().SaveAsync(tenantId, snapshot, new MemoryStream([1, 2, 3]), CancellationToken.None);
            await using var db = host.CreateTenantContext(tenantId);
            await db.ModelVersions.Where(v => v.Id == versionId).ExecuteUpdateAsync(s => s.SetProperty(v => v.AuditSnapshotArtifactId, snapshot));
        }

        Assert.True(await ArtifactExistsAsync(host, tenantId, snapshot));
        return snapshot;
    }
}
