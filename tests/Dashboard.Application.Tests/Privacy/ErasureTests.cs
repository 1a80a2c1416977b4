using System.ComponentModel.DataAnnotations;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Application.ModelStore;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Erasure;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Tests.Training;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Dashboard.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Privacy.ErasureTestKit;

namespace Dashboard.Application.Tests.Privacy;

public sealed class ErasureTests
{
    private static Task<PrivacyRequestView> EraseAsync(TestHost host, string id) =>
        host.InScopeAsync<ErasureService, PrivacyRequestView>(s => s.EraseAsync(id, PrivacyRequests.PageChannel));

    [Fact]
    public async Task Erase_RemovesTheEndUsersRowsFromEveryTable_AndCountsThemOnTheReceipt()
    {
        var (host, officer, _) = await StartAsync();
        await using var _ = host;
        Dictionary<string, long> expected;
        await using (var db = host.CreateTenantContext(officer.TenantId))
        {
            var user = await db.EndUsers.SingleAsync(u => u.ExternalId == EndUserId);
            expected = new Dictionary<string, long>
            {
                ["Interactions"] = await db.Interactions.LongCountAsync(i => i.EndUserId == user.Id),
                ["EndUserAttributes"] = await db.EndUserAttributes.LongCountAsync(a => a.EndUserId == user.Id),
                ["ConsentRecords"] = 4, // the sample data's two grants and the kit's two records
                ["RecommendationFeedback"] = 1,
                ["ServedRecommendations"] = 1,
                ["ImportErrors"] = 1,
                ["EndUsers"] = 1,
            };
        }

        var receipt = await EraseAsync(host, EndUserId);

        await using var check = host.CreateTenantContext(officer.TenantId);
        var left = await check.EndUsers.CountAsync(u => u.ExternalId == EndUserId)
            + await check.ServedRecommendations.CountAsync(s => s.EndUserExternalId == EndUserId)
            + await check.ImportErrors.CountAsync(e => e.Value == EndUserId);
        Assert.Equal(expected.OrderBy(e => e.Key), receipt.RowsRemoved.OrderBy(e => e.Key));
        Assert.Equal((0, true, true), (left, receipt.Found, receipt.CompletedAtUtc is not null));
    }

    [Fact]
    public async Task Erase_TheActiveModelNoLongerPersonalisesForTheEndUser()
    {
        var (host, officer, _) = await StartAsync();
        await using var _ = host;

        await EraseAsync(host, EndUserId);

        var served = await host.Services.GetRequiredService<RecommendationServingService>().RecommendAsync(officer.TenantId, EndUserId, 5, null, []);
        Assert.False(served.Response!.Personalised);
    }

    [Fact]
    public async Task Erase_RewritesTheStoredVersion_QueuesRetrainingAndNamesTheVersionOnTheReceipt()
    {
        var (host, officer, blendId) = await StartAsync();
        await using var _ = host;
        var before = Assert.Single(await TrainingTestKit.VersionsAsync(host, officer.TenantId));

        var receipt = await EraseAsync(host, EndUserId);

        var after = Assert.Single(await TrainingTestKit.VersionsAsync(host, officer.TenantId));
        await using var db = host.CreateTenantContext(officer.TenantId);
        var retrain = await db.JobRuns.SingleAsync(j => j.Kind == JobKind.TrainModel && j.State == JobState.Queued);
        Assert.Equal(("Default v1", true, false, blendId),
            (string.Join(", ", receipt.ModelVersionsAffected), after.ArtifactId != before.ArtifactId, await TrainingTestKit.ArtifactExistsAsync(host, officer.TenantId, before.ArtifactId),
                JobParameters.Read<TrainModelParameters>(retrain.ParametersJson).BlendId));
    }

    [Fact]
    public async Task Erase_TheReceiptAndTheAuditEntryHoldNoPersonalData()
    {
        var (host, officer, _) = await StartAsync();
        await using var _ = host;

        var view = await EraseAsync(host, EndUserId);

        await using var db = host.CreateTenantContext(officer.TenantId);
        var receipt = await db.PrivacyRequests.AsNoTracking().SingleAsync(r => r.Id == view.Id);
        var entry = await db.AuditLog.AsNoTracking().SingleAsync(a => a.Action == AuditActions.EndUserErased);
        var text = string.Join("|", receipt.Reference, receipt.RequestedBy, receipt.Channel, receipt.RowsRemovedJson, receipt.ModelVersionsAffectedJson,
            entry.Subject, entry.Before, entry.After, Dashboard.Application.Auditing.AuditSentence.Describe(entry));
        Assert.Equal((PrivacyRequestKind.Erasure, false), (receipt.Kind, text.Contains(EndUserId, StringComparison.Ordinal) || text.Contains("7Fq4Zt9Kx2", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Erase_AnIdOnlyAnotherOrganisationHolds_GivesTheSameNothingFoundReceiptAsAnIdNobodyHolds()
    {
        var (host, _, _) = await StartAsync(train: false);
        await using var _ = host;
        host.CurrentUser.Caller = TestHost.As(await host.RegisterOrganisationAsync("Beta", "beta@example.test"), Roles.ComplianceOfficer);

        var elsewhere = await EraseAsync(host, EndUserId);
        var nowhere = await EraseAsync(host, "nobody-anywhere");

        Assert.Equal((false, 0L, 0, false, 0L), (elsewhere.Found, elsewhere.RowsRemoved.Values.Sum(), elsewhere.ModelVersionsAffected.Count, nowhere.Found, nowhere.RowsRemoved.Values.Sum()));
        Assert.Equal(nowhere.RowsRemoved.Keys.Order(), elsewhere.RowsRemoved.Keys.Order());
        Assert.Equal(nowhere.Outcome, elsewhere.Outcome);
    }

    [Fact]
    public async Task Erase_AsMarketer_IsRefusedAndDeletesNothing()
    {
        var (host, officer, _) = await StartAsync(train: false);
        await using var _ = host;
        host.CurrentUser.Caller = TestHost.As(officer, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => EraseAsync(host, EndUserId));

        Assert.Equal(1, await CountAsync(host, officer.TenantId, async db => await db.EndUsers.LongCountAsync(u => u.ExternalId == EndUserId)));
    }

    [Fact]
    public async Task Erase_WithABlankId_IsRefusedWithASentence()
    {
        var (host, _, _) = await StartAsync(train: false);
        await using var _ = host;

        var error = await Assert.ThrowsAsync<ValidationException>(() => EraseAsync(host, "  "));

        Assert.StartsWith("The end-user id is empty.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_DuringATraining_TheVersionThatTrainingWritesDoesNotHoldTheEndUser()
    {
        HookedArtifactStore? hooked = null;
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(configure: services =>
            services.AddSingleton<IModelArtifactStore>(sp => hooked = new HookedArtifactStore(sp.GetRequiredService<LocalModelArtifactStore>())));
        await using var _ = host;
        var store = host.Services.GetRequiredService<IModelArtifactStore>();
        var officer = TestHost.As(admin, Roles.ComplianceOfficer);
        var erased = false;
        hooked!.AfterSaveAsync = async (_, _) =>
        {
            if (!erased)
            {
                // The model is fitted and stored; its version row is not written yet.
                erased = true;
                host.CurrentUser.Caller = officer;
                await host.InScopeAsync<ErasureService, PrivacyRequestView>(s => s.EraseAsync("u00001", PrivacyRequests.PageChannel));
                host.CurrentUser.Caller = admin;
            }
        };

        var run = await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);

        var version = Assert.Single(await TrainingTestKit.VersionsAsync(host, admin.TenantId));
        await using var stream = await store.OpenReadAsync(admin.TenantId, version.ArtifactId, CancellationToken.None);
        var model = Dashboard.Recommender.Serving.BlendModel.Load(stream);
        var active = await host.Services.GetRequiredService<IActiveModelCache>().GetAsync(admin.TenantId, blendId.ToString());
        Assert.Equal((JobState.Succeeded, true, false, false), (run.State, erased, model.HoldsEndUser("u00001"), active!.Model.HoldsEndUser("u00001")));
    }
}
