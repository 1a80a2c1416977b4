using Dashboard.Application.Jobs;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Privacy;
using Dashboard.Application.Training;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Dashboard.Infrastructure.Jobs;
using Dashboard.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Training;

public sealed class TrainModelJobTests
{
    [Fact]
    public async Task FirstTraining_WritesVersionOneAndActivatesIt()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;

        var run = await TrainAsync(host, admin.TenantId, blendId);

        var version = Assert.Single(await VersionsAsync(host, admin.TenantId));
        Assert.Equal((JobState.Succeeded, 1, ModelVersionStatus.Ready, (Guid?)version.Id),
            (run.State, version.Number, version.Status, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId));
    }

    [Fact]
    public async Task Version_RecordsManifestAndMetricsOfTheDataItWasTrainedOn()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        List<string> ids;
        long interactions;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            // The data it was trained on: end-users with interactions and Personalisation consent (the sample data's grants).
            ids = await db.EndUsers
                .Where(u => db.Interactions.Any(i => i.EndUserId == u.Id) && db.ConsentRecords.Any(c => c.EndUserId == u.Id && c.Purpose == ConsentPurpose.Personalisation && c.Granted))
                .Select(u => u.ExternalId).ToListAsync();
            interactions = await db.Interactions.LongCountAsync(i => ids.Contains(i.EndUser!.ExternalId));
        }

        await TrainAsync(host, admin.TenantId, blendId);

        var version = Assert.Single(await VersionsAsync(host, admin.TenantId));
        var manifest = DataManifest.FromJson(version.ManifestJson);
        var metrics = VersionMetrics.FromJson(version.MetricsJson);
        Assert.Equal((ids.Count, interactions, DataManifest.HashEndUserIds(ids), true, version.ArtifactId),
            (manifest.EndUsers, manifest.Interactions, manifest.EndUserIdsSha256, metrics.NdcgAt10 > 0 && metrics.EvaluatedEndUsers > 0, version.JobRunId));
    }

    [Fact]
    public async Task TrainNow_WhileATrainingOfTheBlendIsQueued_SaysSoAndQueuesNoSecondRun()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        var first = await host.InScopeAsync<ModelTrainingService, TrainingRequest>(s => s.TrainNowAsync(blendId));

        var second = await host.InScopeAsync<ModelTrainingService, TrainingRequest>(s => s.TrainNowAsync(blendId));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((false, first.JobRunId, 1), (second.Queued, second.JobRunId, await db.JobRuns.CountAsync(j => j.Kind == JobKind.TrainModel)));
        Assert.StartsWith("A training of “Default” is already running: queued by admin@example.test at 2026-06-30 12:00 UTC.", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondRunOfTheSameBlend_StartedWhileTheFirstRuns_FailsWithAlreadyRunningAndWritesNothing()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        var first = await host.QueueJobAsync(admin.TenantId, new TrainModelParameters(blendId), "ana@example.test");
        var second = await host.QueueJobAsync(admin.TenantId, new TrainModelParameters(blendId), "ben@example.test");
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.JobRuns.Where(j => j.Id == first).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running).SetProperty(j => j.StartedAtUtc, host.Time.GetUtcNow().UtcDateTime));
        }

        await ExecuteAsync(host, admin.TenantId, second);

        await using var check = host.CreateTenantContext(admin.TenantId);
        var run = await check.JobRuns.SingleAsync(j => j.Id == second);
        Assert.Equal((JobState.Failed, "A training of “Default” is already running: started by ana@example.test at 2026-06-30 12:00 UTC. Wait for it to finish (see Jobs).", 0),
            (run.State, run.Error, await check.ModelVersions.CountAsync()));
    }

    [Fact]
    public async Task Training_WithoutData_FailsWithTheEnginesSentenceAndWritesNothing()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;

        var run = await TrainAsync(host, admin.TenantId, blendId);

        Assert.Equal(JobState.Failed, run.State);
        Assert.StartsWith("Training needs at least", run.Error, StringComparison.Ordinal);
        Assert.Empty(await VersionsAsync(host, admin.TenantId));
    }

    [Fact]
    public async Task Training_FailingAfterItsArtifactWasStored_LeavesNoVersionNoArtifactAndThePreviousVersionActive()
    {
        var hooked = (HookedArtifactStore?)null;
        var (host, admin, blendId) = await StartAsync(configure: Hook(s => hooked = s));
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var before = await BlendAsync(host, admin.TenantId, blendId);
        hooked!.AfterSave = _ => throw new IOException("The disk is full.");

        var run = await TrainAsync(host, admin.TenantId, blendId);

        Assert.Equal((JobState.Failed, 1, before.ActiveVersionId, false),
            (run.State, (await VersionsAsync(host, admin.TenantId)).Count, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId,
                await ArtifactExistsAsync(host, admin.TenantId, run.Id)));
    }

    [Fact]
    public async Task Training_CancelledAfterItsArtifactWasStored_LeavesNoVersionNoArtifactAndThePreviousVersionActive()
    {
        var hooked = (HookedArtifactStore?)null;
        var (host, admin, blendId) = await StartAsync(configure: Hook(s => hooked = s));
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var before = await BlendAsync(host, admin.TenantId, blendId);
        using var cancel = new CancellationTokenSource();
        hooked!.AfterSave = _ =>
        {
            cancel.Cancel();
            cancel.Token.ThrowIfCancellationRequested();
        };

        var run = await TrainAsync(host, admin.TenantId, blendId, cancel.Token);

        Assert.Equal((JobState.Failed, 1, before.ActiveVersionId, false),
            (run.State, (await VersionsAsync(host, admin.TenantId)).Count, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId,
                await ArtifactExistsAsync(host, admin.TenantId, run.Id)));
    }

    [Fact]
    public async Task KilledTraining_ItsStoredArtifactIsDeletedByStartUpRecovery()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        var runId = await host.QueueJobAsync(admin.TenantId, new TrainModelParameters(blendId));
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.JobRuns.Where(j => j.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(j => j.State, JobState.Running));
        }

        await host.Services.GetRequiredService<IModelArtifactStore>().SaveAsync(admin.TenantId, runId, new MemoryStream([1, 2, 3]), CancellationToken.None);

        await host.Services.GetRequiredService<InterruptedJobRecovery>().RecoverAsync();

        await using var check = host.CreateTenantContext(admin.TenantId);
        var run = await check.JobRuns.SingleAsync(j => j.Id == runId);
        Assert.Equal((JobState.Failed, false, 0), (run.State, await ArtifactExistsAsync(host, admin.TenantId, runId), await check.ModelVersions.CountAsync()));
        Assert.Contains("No model version was written and the active version is unchanged", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionWithinTheMargin_IsActivatedAutomatically_AndOneBelowItIsNot()
    {
        var blend = new Blend { Name = "B", SpecJson = "{}", AutoActivate = true, AutoActivateMargin = 0.02 };

        Assert.Equal((true, true, false, true),
            (TrainModelJobHandler.ShouldAutoActivate(blend, 0.30, 0.31), TrainModelJobHandler.ShouldAutoActivate(blend, 0.29, 0.31),
                TrainModelJobHandler.ShouldAutoActivate(blend, 0.2899, 0.31), TrainModelJobHandler.ShouldAutoActivate(blend, 0.01, null)));
    }

    [Fact]
    public async Task Training_WithAutomaticActivationOff_KeepsTheActiveVersion()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var first = (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId;
        await UpdateAsync(host, blendId, i => i with { AutoActivate = false });

        await TrainAsync(host, admin.TenantId, blendId);

        Assert.Equal((2, first), ((await VersionsAsync(host, admin.TenantId)).Count, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId));
    }

    [Fact]
    public async Task KeepVersions_DeletesTheOldestVersionsAndTheirArtifactsButNeverTheActiveOne()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        await UpdateAsync(host, blendId, i => i with { AutoActivate = false, KeepVersions = 1 });
        await TrainAsync(host, admin.TenantId, blendId);
        var second = (await VersionsAsync(host, admin.TenantId)).Single(v => v.Number == 2);

        await TrainAsync(host, admin.TenantId, blendId);

        Assert.Equal(("1, 3", false), (string.Join(", ", (await VersionsAsync(host, admin.TenantId)).Select(v => v.Number)),
            await ArtifactExistsAsync(host, admin.TenantId, second.ArtifactId)));
    }

    [Fact]
    public async Task Training_WhileEndUserIdsAreReKeyed_KeepsNoVersionWithTheOldIds()
    {
        var hooked = (HookedArtifactStore?)null;
        var (host, admin, blendId) = await StartAsync(configure: Hook(s => hooked = s));
        await using var _ = host;
        hooked!.AfterSaveAsync = async (_, _) =>
        {
            // What the re-key job's commit leaves behind, landing while this training was storing its model.
            await using var db = host.CreateTenantContext(admin.TenantId);
            var settings = await db.PrivacySettingsForUpdateAsync(CancellationToken.None);
            settings.PseudonymiseEndUserIds = true;
            db.PseudonymKeys.Add(new Domain.Privacy.PseudonymKey
            {
                ProtectedKey = host.Services.GetRequiredService<IPseudonymKeyProtector>().Protect(admin.TenantId, new byte[32]),
                CreatedAtUtc = host.Time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(CancellationToken.None);
        };

        var run = await TrainAsync(host, admin.TenantId, blendId);

        Assert.Equal((JobState.Failed, 0, false), (run.State, (await VersionsAsync(host, admin.TenantId)).Count, await ArtifactExistsAsync(host, admin.TenantId, run.Id)));
        Assert.Contains("re-keyed", run.Error, StringComparison.Ordinal);
    }

    private static Action<IServiceCollection> Hook(Action<HookedArtifactStore> capture) => services =>
        services.AddSingleton<IModelArtifactStore>(sp =>
        {
            var store = new HookedArtifactStore(sp.GetRequiredService<LocalModelArtifactStore>());
            capture(store);
            return store;
        });
}
