using Dashboard.Application.Common;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Training;

public sealed class ModelVersionServiceTests
{
    [Fact]
    public async Task Activate_MovesThePointerAndAuditsBeforeAndAfter()
    {
        var (host, admin, blendId, first, second) = await TwoVersionsAsync();
        await using var _ = host;

        var result = await host.InScopeAsync<ModelVersionService, Result>(s => s.ActivateAsync(second.Id));

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entry = await db.AuditLog.SingleAsync(e => e.Action == AuditActions.ModelVersionActivated);
        Assert.Equal((true, (Guid?)second.Id, "Default", "version 1", "version 2"),
            (result.Succeeded, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId, entry.Subject, entry.Before, entry.After));
    }

    [Fact]
    public async Task Activate_VersionWhoseArtifactWasChanged_IsRefusedMarkedUnusableAndThePreviousStaysActive()
    {
        var (host, admin, blendId, first, second) = await TwoVersionsAsync();
        await using var _ = host;
        Corrupt(host, second.ArtifactId);

        var result = await host.InScopeAsync<ModelVersionService, Result>(s => s.ActivateAsync(second.Id));

        var stored = (await VersionsAsync(host, admin.TenantId)).Single(v => v.Id == second.Id);
        Assert.Equal(
            (false, "Version 2 cannot be activated: its stored model is damaged (it does not match its checksum). It is marked unusable and version 1 stays active.",
                ModelVersionStatus.Unusable, (Guid?)first.Id),
            (result.Succeeded, Assert.Single(result.Errors), stored.Status, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId));
    }

    [Fact]
    public async Task Activate_VersionWhoseArtifactIsMissing_IsRefusedWithTheReason()
    {
        var (host, admin, _, _, second) = await TwoVersionsAsync();
        await using var _h = host;
        await host.Services.GetRequiredService<Dashboard.Application.ModelStore.IModelArtifactStore>().DeleteAsync(admin.TenantId, second.ArtifactId, CancellationToken.None);

        var result = await host.InScopeAsync<ModelVersionService, Result>(s => s.ActivateAsync(second.Id));

        Assert.Contains("its stored model is missing from the model store", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollBack_ActivatesThePreviousReadyVersion()
    {
        var (host, admin, blendId, first, second) = await TwoVersionsAsync();
        await using var _ = host;
        await host.InScopeAsync<ModelVersionService, Result>(s => s.ActivateAsync(second.Id));

        var result = await host.InScopeAsync<ModelVersionService, Result>(s => s.RollBackAsync(blendId));

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((true, (Guid?)first.Id, 1), (result.Succeeded, (await BlendAsync(host, admin.TenantId, blendId)).ActiveVersionId,
            await db.AuditLog.CountAsync(e => e.Action == AuditActions.ModelVersionRolledBack)));
    }

    [Fact]
    public async Task Activate_ByAComplianceOfficer_IsForbidden()
    {
        var (host, admin, _, _, second) = await TwoVersionsAsync();
        await using var _h = host;
        host.CurrentUser.Caller = Support.TestHost.As(admin, Roles.ComplianceOfficer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<ModelVersionService, Result>(s => s.ActivateAsync(second.Id)));
    }

    [Fact]
    public async Task Compare_GivesTheDeltaOfEachMetric()
    {
        var (host, _, _, first, second) = await TwoVersionsAsync();
        await using var _h = host;

        var comparison = await host.InScopeAsync<ModelVersionService, VersionComparison>(s => s.CompareAsync(first.Id, second.Id));

        var ndcg = comparison.Deltas.Single(d => d.Metric == "NDCG@10");
        Assert.Equal((first.NdcgAt10, second.NdcgAt10, second.NdcgAt10 - first.NdcgAt10), (ndcg.First, ndcg.Second, ndcg.Delta));
    }

    [Fact]
    public async Task Cache_AfterActivation_ReturnsTheNewVersion()
    {
        var (host, admin, _, first, second) = await TwoVersionsAsync();
        await using var _h = host;
        var cache = host.Services.GetRequiredService<IActiveModelCache>();
        var before = await cache.GetAsync(admin.TenantId, "Default");

        await host.InScopeAsync<ModelVersionService, Result>(s => s.ActivateAsync(second.Id));

        var after = await cache.GetAsync(admin.TenantId, "Default");
        Assert.Equal((first.Id, second.Id, 2), (before!.VersionId, after!.VersionId, after.VersionNumber));
    }

    [Fact]
    public async Task Cache_ConcurrentFirstRequests_ShareOneLoadedModel()
    {
        var (host, admin, blendId, _, _) = await TwoVersionsAsync();
        await using var _h = host;
        var cache = host.Services.GetRequiredService<IActiveModelCache>();

        var models = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetAsync(admin.TenantId, blendId.ToString()))));

        Assert.Single(models.Select(m => m!.Model).Distinct());
    }

    [Fact]
    public async Task Cache_ActiveVersionWithADamagedArtifact_ServesNothingAndMarksItUnusable()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var version = Assert.Single(await VersionsAsync(host, admin.TenantId));
        Corrupt(host, version.ArtifactId);

        var model = await host.Services.GetRequiredService<IActiveModelCache>().GetAsync(admin.TenantId, "Default");

        var stored = Assert.Single(await VersionsAsync(host, admin.TenantId));
        Assert.Equal((null, ModelVersionStatus.Unusable, "its stored model is damaged (it does not match its checksum)."), (model, stored.Status, stored.UnusableReason));
    }

    [Fact]
    public async Task Cache_BlendOfAnotherOrganisation_IsUnknown()
    {
        var (host, _, blendId, _, _) = await TwoVersionsAsync();
        await using var _h = host;
        var other = await host.RegisterOrganisationAsync("Beta", "b@example.test");

        Assert.Null(await host.Services.GetRequiredService<IActiveModelCache>().GetAsync(other.TenantId, blendId.ToString()));
    }

    /// <summary>Version 1 active, version 2 trained with automatic activation off.</summary>
    private static async Task<(Support.TestHost Host, CallerContext Admin, Guid BlendId, ModelVersion First, ModelVersion Second)> TwoVersionsAsync()
    {
        var (host, admin, blendId) = await StartAsync();
        await TrainAsync(host, admin.TenantId, blendId);
        await UpdateAsync(host, blendId, i => i with { AutoActivate = false });
        await TrainAsync(host, admin.TenantId, blendId);
        var versions = await VersionsAsync(host, admin.TenantId);
        return (host, admin, blendId, versions[0], versions[1]);
    }
}
