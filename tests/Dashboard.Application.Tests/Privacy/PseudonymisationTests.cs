using Dashboard.Application.Auditing;
using Dashboard.Application.Common;
using Dashboard.Application.DataSources.EventsApi;
using Dashboard.Application.Privacy;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Tests.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Recommender.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Privacy;

public sealed class PseudonymisationTests
{
    private const string RawId = "u00001";

    [Fact]
    public async Task TurnOn_ReKeysStoredIds_AndServingByTheRawIdStillPersonalisesTheSameList()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync();
        await using var _ = host;
        await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);
        var serving = host.Services.GetRequiredService<RecommendationServingService>();
        var before = await serving.RecommendAsync(admin.TenantId, RawId, 5, null, []);

        await PseudonymisationTestKit.TurnOnAsync(host, admin.TenantId);

        var after = await serving.RecommendAsync(admin.TenantId, RawId, 5, null, []);
        var stored = await PseudonymisationTestKit.StoredEndUserIdsAsync(host, admin.TenantId);
        Assert.Equal((false, true), (stored.Contains(RawId), stored.All(Pseudonym.IsPseudonym)));
        Assert.True(after.Response!.Personalised);
        Assert.Equal(before.Response!.Items.Select(i => i.ItemId), after.Response.Items.Select(i => i.ItemId));
    }

    [Fact]
    public async Task TurnOn_LeavesNoRawIdInAnyTableOrStoredModel()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync();
        await using var _ = host;
        await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);
        await host.Services.GetRequiredService<RecommendationServingService>().RecommendAsync(admin.TenantId, RawId, 5, null, []);
        await host.Services.GetRequiredService<ServedRecommendationLog>().FlushAsync(CancellationToken.None);
        Assert.NotEmpty(await PseudonymisationTestKit.TablesContainingAsync(host, RawId));
        Assert.NotEmpty(ArtifactFilesContaining(host, RawId));

        await PseudonymisationTestKit.TurnOnAsync(host, admin.TenantId);

        Assert.Empty(await PseudonymisationTestKit.TablesContainingAsync(host, RawId));
        Assert.Empty(ArtifactFilesContaining(host, RawId));
    }

    [Fact]
    public async Task WithPseudonymisationOn_ImportEventsServingAndSearchAllFindTheSameEndUser_AndNoTableHoldsTheRawId()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        await PseudonymisationTestKit.TurnOnAsync(host, admin.TenantId);
        var sample = await host.QueueJobAsync(admin.TenantId, TrainingTestKit.Small);
        await TrainingTestKit.ExecuteAsync(host, admin.TenantId, sample);
        await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);

        var events = await host.InScopeAsync<EventIngestService, IngestOutcome>(s =>
            s.RecordEventsAsync(admin.TenantId, [new EventInput(RawId, "i0001", "view")]));
        var served = await host.Services.GetRequiredService<RecommendationServingService>().RecommendAsync(admin.TenantId, RawId, 5, null, []);
        await host.Services.GetRequiredService<ServedRecommendationLog>().FlushAsync(CancellationToken.None);
        var found = await host.InScopeAsync<RecommendationPreviewService, IReadOnlyList<string>>(s => s.FindEndUsersAsync(RawId));

        var stored = await PseudonymisationTestKit.StoredEndUserIdsAsync(host, admin.TenantId);
        Assert.Equal(0, events.Summary!.CreatedUsers);
        Assert.True(served.Response!.Personalised);
        Assert.Contains(found[0], stored);
        Assert.Empty(await PseudonymisationTestKit.TablesContainingAsync(host, RawId));
    }

    [Fact]
    public async Task TurnOff_IsRefusedWithTheReason_AndPseudonymisationStaysOn()
    {
        var (host, admin, _) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        await PseudonymisationTestKit.TurnOnAsync(host, admin.TenantId);

        var request = await host.InScopeAsync<PseudonymisationService, PseudonymisationRequest>(s => s.TurnOffAsync());

        var view = await host.InScopeAsync<PseudonymisationService, PseudonymisationView>(s => s.GetAsync());
        Assert.Equal((false, PseudonymisationService.TurnOffRefusal, true), (request.Queued, request.Message, view.Enabled));
    }

    [Fact]
    public async Task Rotate_ReKeysEveryStoredId_OldPseudonymsAreGone_AndTheRawIdStillFindsTheEndUser()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync();
        await using var _ = host;
        await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);
        await PseudonymisationTestKit.TurnOnAsync(host, admin.TenantId);
        var old = await PseudonymisationTestKit.StoredEndUserIdsAsync(host, admin.TenantId);

        await PseudonymisationTestKit.RotateAsync(host, admin.TenantId);

        var stored = await PseudonymisationTestKit.StoredEndUserIdsAsync(host, admin.TenantId);
        var served = await host.Services.GetRequiredService<RecommendationServingService>().RecommendAsync(admin.TenantId, RawId, 5, null, []);
        var view = await host.InScopeAsync<PseudonymisationService, PseudonymisationView>(s => s.GetAsync());
        Assert.Equal((old.Count, 0, 2), (stored.Count, stored.Intersect(old).Count(), view.KeysUsed));
        Assert.True(served.Response!.Personalised);
        Assert.Empty(await PseudonymisationTestKit.TablesContainingAsync(host, old[0]));
    }

    [Fact]
    public async Task TurnOn_IsAuditedWhenAskedAndWhenDone_WithBeforeAndAfter()
    {
        var (host, admin, _) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;

        await PseudonymisationTestKit.TurnOnAsync(host, admin.TenantId);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var entries = await db.AuditLog.AsNoTracking().Where(a => a.Action.StartsWith("Privacy.")).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditActions.PseudonymisationRequested, AuditActions.PseudonymisationTurnedOn], entries.Select(e => e.Action));
        var done = entries[1];
        Assert.Equal(("Off", "On"), (AuditFields.Value(AuditFields.Read(done.Before), "Pseudonymisation"), AuditFields.Value(AuditFields.Read(done.After), "Pseudonymisation")));
    }

    [Fact]
    public async Task AMarketer_CannotTurnOnOrRotateOrSeeTheKey()
    {
        var (host, admin, _) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<PseudonymisationService, PseudonymisationRequest>(s => s.TurnOnAsync()));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<PseudonymisationService, PseudonymisationRequest>(s => s.RotateKeyAsync()));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<PseudonymisationService, PseudonymisationView>(s => s.GetAsync()));
    }

    [Fact]
    public async Task AComplianceOfficer_MayTurnItOn()
    {
        var (host, admin, _) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        host.CurrentUser.Caller = TestHost.As(admin, Roles.ComplianceOfficer);

        await PseudonymisationTestKit.TurnOnAsync(host, admin.TenantId);

        var view = await host.InScopeAsync<PseudonymisationService, PseudonymisationView>(s => s.GetAsync());
        Assert.Equal((true, 1), (view.Enabled, view.KeysUsed));
    }

    [Fact]
    public async Task Rotate_WhileOff_IsRefusedAndQueuesNothing()
    {
        var (host, admin, _) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;

        var request = await host.InScopeAsync<PseudonymisationService, PseudonymisationRequest>(s => s.RotateKeyAsync());

        await using var db = host.CreateTenantContext(admin.TenantId);
        Assert.Equal((false, 0), (request.Queued, await db.JobRuns.CountAsync(j => j.Kind == JobKind.RekeyPseudonyms)));
    }

    [Fact]
    public async Task TheKey_IsStoredEncrypted_NotAsItsBytes()
    {
        var (host, admin, _) = await TrainingTestKit.StartAsync(withData: false);
        await using var _ = host;
        await PseudonymisationTestKit.TurnOnAsync(host, admin.TenantId);

        await using var db = host.CreateTenantContext(admin.TenantId);
        var stored = await db.PseudonymKeys.AsNoTracking().SingleAsync();
        var key = host.Services.GetRequiredService<IPseudonymKeyProtector>().Unprotect(admin.TenantId, stored.ProtectedKey);
        var pseudonym = await host.Services.GetRequiredService<IPseudonymizer>().StoredEndUserIdAsync(admin.TenantId, RawId, CancellationToken.None);

        Assert.Equal(Pseudonym.Of(key, RawId), pseudonym);
        Assert.DoesNotContain(Convert.ToBase64String(key), stored.ProtectedKey, StringComparison.Ordinal);
    }

    private static List<string> ArtifactFilesContaining(TestHost host, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return [.. Directory.EnumerateFiles(host.ContentRoot, "*.artifact", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(bytes) >= 0)];
    }
}
