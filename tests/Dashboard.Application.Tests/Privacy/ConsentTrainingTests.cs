using Dashboard.Application.DataSources.SampleData;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Training;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Privacy.ConsentTestKit;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Privacy;

public sealed class ConsentTrainingTests
{
    [Fact]
    public async Task Manifest_IncludesExactlyTheEndUsersWithPersonalisationConsent_AndCountsTheOthers()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await RecordAsync(host, admin.TenantId, Input("u00001", "Personalisation", "withdrawn", host.Time.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        List<string> consented, others;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            var active = await db.EndUsers.Where(u => db.Interactions.Any(i => i.EndUserId == u.Id)).Select(u => new { u.Id, u.ExternalId }).ToListAsync();
            var granted = (await db.ConsentRecords.Where(c => c.Purpose == ConsentPurpose.Personalisation && c.Granted).Select(c => c.EndUserId).ToListAsync()).ToHashSet();
            consented = [.. active.Where(u => granted.Contains(u.Id) && u.ExternalId != "u00001").Select(u => u.ExternalId)];
            others = [.. active.Where(u => !consented.Contains(u.ExternalId)).Select(u => u.ExternalId)];
        }

        await TrainAsync(host, admin.TenantId, blendId);

        var manifest = DataManifest.FromJson(Assert.Single(await VersionsAsync(host, admin.TenantId)).ManifestJson);
        Assert.Equal((consented.Count, others.Count, DataManifest.HashEndUserIds(consented), host.Time.GetUtcNow().UtcDateTime),
            (manifest.EndUsers, manifest.EndUsersExcludedByConsent, manifest.EndUserIdsSha256, manifest.ConsentAsOfUtc));
        Assert.True(others.Count > 1, "The sample data leaves some end-users without a record, and one withdrew.");
    }

    [Fact]
    public async Task Training_WhenNobodyHasConsent_FailsSayingWhatToDo()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            await db.ConsentRecords.ExecuteDeleteAsync();
        }

        var run = await TrainAsync(host, admin.TenantId, blendId);

        Assert.Equal((JobState.Failed, TrainModelJobHandler.NobodyConsented), (run.State, run.Error));
    }

    [Fact]
    public async Task Serving_AWithdrawnEndUser_GetsThePopularItemsMarkedNoConsent_AndPersonalisedAgainAfterReGranting()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);
        var serving = host.Services.GetRequiredService<RecommendationServingService>();
        var now = host.Time.GetUtcNow().UtcDateTime;

        var before = (await serving.RecommendAsync(admin.TenantId, "u00001", 5, null, [])).Response!;
        await RecordAsync(host, admin.TenantId, Input("u00001", "Personalisation", "withdrawn", now.AddMinutes(-2)));
        var withdrawn = (await serving.RecommendAsync(admin.TenantId, "u00001", 5, null, [])).Response!;
        await RecordAsync(host, admin.TenantId, Input("u00001", "Personalisation", "granted", now.AddMinutes(-1)));
        var again = (await serving.RecommendAsync(admin.TenantId, "u00001", 5, null, [])).Response!;

        Assert.Equal((true, false, false, true, true, false), (before.Personalised, before.NoConsent, withdrawn.Personalised, withdrawn.NoConsent, again.Personalised, again.NoConsent));
    }

    [Fact]
    public async Task Serving_AnIdTheModelDoesNotKnow_IsColdNotMarkedNoConsent()
    {
        var (host, admin, blendId) = await StartAsync();
        await using var _ = host;
        await TrainAsync(host, admin.TenantId, blendId);

        var cold = (await host.Services.GetRequiredService<RecommendationServingService>().RecommendAsync(admin.TenantId, "never-seen-42", 5, null, [])).Response!;

        Assert.Equal((false, false), (cold.Personalised, cold.NoConsent));
    }

    [Fact]
    public async Task SampleData_GrantsPersonalisationToEveryEndUserWithEvents_ButEveryFortieth()
    {
        var (host, admin, _) = await StartAsync();
        await using var __ = host;

        await using var db = host.CreateTenantContext(admin.TenantId);
        var withRecords = await db.ConsentRecords.Where(c => c.Purpose == ConsentPurpose.Personalisation && c.Granted).Select(c => c.EndUser!.ExternalId).ToListAsync();
        var withEvents = await db.EndUsers.Where(u => db.Interactions.Any(i => i.EndUserId == u.Id)).Select(u => u.ExternalId).ToListAsync();
        var expected = withEvents.Where(id => !SampleConsents.NeverRecorded(int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture) - 1)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, withRecords.Order(StringComparer.Ordinal));
    }
}
