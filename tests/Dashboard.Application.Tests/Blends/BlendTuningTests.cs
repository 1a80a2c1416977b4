using Dashboard.Application.Auditing;
using Dashboard.Application.Blends;
using Dashboard.Application.Blends.Tuning;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Privacy;
using Dashboard.Application.Tests.Support;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Recommender.Serving;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Blends;

public sealed class BlendTuningTests
{
    private static readonly ComponentSpec[] TwoComponents =
    [
        new(ComponentKind.Popularity, 1),
        new(ComponentKind.ItemKnn, 0),
    ];

    [Fact]
    public async Task Tuning_StoresChosenWeightsAndNdcgAndLeavesTheBlendUnchanged()
    {
        var (host, admin, blendId) = await StartWithTwoComponentsAsync();
        await using var _ = host;
        var specBefore = (await BlendAsync(host, admin.TenantId, blendId)).SpecJson;

        var run = await TuneAsync(host, admin.TenantId, blendId);

        var latest = await host.InScopeAsync<BlendTuningService, WeightTuningView?>(s => s.LatestAsync(blendId));
        Assert.Equal(JobState.Succeeded, run.State);
        Assert.NotNull(latest);
        Assert.Equal((run.Id, WeightTuningStatus.Proposed, true, 2), (latest.Id, latest.Status, latest.CanApply, latest.Components.Count));
        Assert.Equal(1, latest.Components.Sum(c => c.ChosenWeight), 6);
        Assert.True(latest.ChosenNdcg >= latest.CurrentNdcg && latest.ValidationUsers >= BlendTuner.MinimumValidationUsers);
        Assert.Equal(specBefore, (await BlendAsync(host, admin.TenantId, blendId)).SpecJson);
    }

    [Fact]
    public async Task Apply_WritesTheChosenWeightsToTheBlendAndAnAuditEntryWithBeforeAndAfter()
    {
        var (host, admin, blendId) = await StartWithTwoComponentsAsync();
        await using var _ = host;
        var run = await TuneAsync(host, admin.TenantId, blendId);
        var latest = (await host.InScopeAsync<BlendTuningService, WeightTuningView?>(s => s.LatestAsync(blendId)))!;

        var result = await host.InScopeAsync<BlendTuningService, BlendSaveResult>(s => s.ApplyAsync(run.Id));

        Assert.True(result.Succeeded, string.Join(" ", result.Problems.Select(p => p.Message)));
        var spec = BlendSpec.FromJson((await BlendAsync(host, admin.TenantId, blendId)).SpecJson);
        Assert.Equal(latest.Components.Select(c => c.ChosenWeight), spec.Components.Select(c => c.Weight));
        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.BlendWeightsTuned);
        Assert.StartsWith("Changed the weights of the blend “Default” by tuning: from Popularity 1, ", AuditSentence.Describe(entry), StringComparison.Ordinal);
        Assert.Equal(WeightTuningStatus.Applied, (await db.WeightTunings.SingleAsync()).Status);
        Assert.False((await host.InScopeAsync<BlendTuningService, WeightTuningView?>(s => s.LatestAsync(blendId)))!.CanApply);
    }

    [Fact]
    public async Task Apply_AfterTheBlendsComponentsChanged_IsRefusedAndKeepsTheBlend()
    {
        var (host, admin, blendId) = await StartWithTwoComponentsAsync();
        await using var _ = host;
        var run = await TuneAsync(host, admin.TenantId, blendId);
        await UpdateAsync(host, blendId, i => i with { Spec = i.Spec with { Components = [new(ComponentKind.Popularity, 0.5), new(ComponentKind.ItemKnn, 0.5)] } });

        var result = await host.InScopeAsync<BlendTuningService, BlendSaveResult>(s => s.ApplyAsync(run.Id));

        Assert.False(result.Succeeded);
        Assert.Contains("changed since the tuning", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Equal([0.5, 0.5], BlendSpec.FromJson((await BlendAsync(host, admin.TenantId, blendId)).SpecJson).Components.Select(c => c.Weight));
    }

    [Fact]
    public async Task ComplianceOfficer_MayNotStartOrApplyATuning()
    {
        var (host, admin, blendId) = await StartWithTwoComponentsAsync();
        await using var _ = host;
        var run = await TuneAsync(host, admin.TenantId, blendId);
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<BlendTuningService, TuningRequest>(s => s.StartAsync(blendId)));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<BlendTuningService, BlendSaveResult>(s => s.ApplyAsync(run.Id)));
        Assert.NotNull(await host.InScopeAsync<BlendTuningService, WeightTuningView?>(s => s.LatestAsync(blendId)));
    }

    [Fact]
    public async Task Start_WhileATuningOfTheBlendIsQueued_SaysSoAndQueuesNoSecondRun()
    {
        var (host, admin, blendId) = await StartWithTwoComponentsAsync();
        await using var _ = host;
        var first = await host.InScopeAsync<BlendTuningService, TuningRequest>(s => s.StartAsync(blendId));

        var second = await host.InScopeAsync<BlendTuningService, TuningRequest>(s => s.StartAsync(blendId));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((false, first.JobRunId, 1), (second.Queued, second.JobRunId, await db.JobRuns.CountAsync(j => j.Kind == JobKind.TuneBlend)));
        Assert.StartsWith("A tuning of “Default” is already running", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tuning_OnTooLittleData_FailsWithTheEnginesSentenceAndStoresNothing()
    {
        var (host, admin, blendId) = await StartAsync(withData: false);
        await using var _ = host;
        var sample = await host.QueueJobAsync(admin.TenantId, new SampleDataOptions { Users = 3, Items = 10, Interactions = 40, Days = 10, Seed = 7 });
        await ExecuteAsync(host, admin.TenantId, sample);
        await UpdateAsync(host, blendId, i => i with { Spec = i.Spec with { Components = TwoComponents } });

        var run = await TuneAsync(host, admin.TenantId, blendId);

        Assert.Equal(JobState.Failed, run.State);
        Assert.StartsWith("Tuning needs at least 5 end-users", run.Error, StringComparison.Ordinal);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Empty(await db.WeightTunings.ToListAsync());
    }

    [Fact]
    public async Task Tuning_Cancelled_StoresNothingAndLeavesTheBlend()
    {
        using var cancel = new CancellationTokenSource();
        var (host, admin, blendId) = await StartAsync(configure: s => s.AddSingleton<IConsentGate>(new CancellingConsentGate(cancel)));
        await using var _ = host;
        await UpdateAsync(host, blendId, i => i with { Spec = i.Spec with { Components = TwoComponents } });
        var specBefore = (await BlendAsync(host, admin.TenantId, blendId)).SpecJson;
        var request = await host.InScopeAsync<BlendTuningService, TuningRequest>(s => s.StartAsync(blendId));

        await ExecuteAsync(host, admin.TenantId, request.JobRunId, cancel.Token);

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.NotEqual(JobState.Succeeded, (await db.JobRuns.SingleAsync(j => j.Id == request.JobRunId)).State);
        Assert.Empty(await db.WeightTunings.ToListAsync());
        Assert.Equal(specBefore, (await BlendAsync(host, admin.TenantId, blendId)).SpecJson);
    }

    [Fact]
    public async Task DeletingTheBlend_DeletesItsTunings()
    {
        var (host, admin, blendId) = await StartWithTwoComponentsAsync();
        await using var _ = host;
        await TuneAsync(host, admin.TenantId, blendId);

        var deleted = await host.InScopeAsync<BlendService, Result>(s => s.DeleteAsync(blendId));

        Assert.True(deleted.Succeeded);
        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Empty(await db.WeightTunings.ToListAsync());
    }

    private static async Task<(TestHost Host, CallerContext Admin, Guid BlendId)> StartWithTwoComponentsAsync()
    {
        var (host, admin, blendId) = await StartAsync();
        await UpdateAsync(host, blendId, i => i with { Spec = i.Spec with { Components = TwoComponents } });
        return (host, admin, blendId);
    }

    private static async Task<JobRun> TuneAsync(TestHost host, Guid tenantId, Guid blendId)
    {
        var request = await host.InScopeAsync<BlendTuningService, TuningRequest>(s => s.StartAsync(blendId));
        Assert.True(request.Queued, request.Message);
        await ExecuteAsync(host, tenantId, request.JobRunId);
        await using var db = host.CreateTenantContext(tenantId);
        return await db.JobRuns.AsNoTracking().SingleAsync(j => j.Id == request.JobRunId);
    }
}
