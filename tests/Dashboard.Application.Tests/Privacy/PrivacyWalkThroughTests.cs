using Dashboard.Application.DataSources;
using Dashboard.Application.Privacy;
using Dashboard.Application.Privacy.Access;
using Dashboard.Application.Privacy.Erasure;
using Dashboard.Application.Privacy.Report;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Tests.Training;
using Dashboard.Application.Training;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.DataSources.ImportTestKit;

namespace Dashboard.Application.Tests.Privacy;

/// <summary>
/// The privacy issue's "done when", end to end on a sample organisation: pseudonymisation on, k = 5, a consent file
/// in which some end-users withdraw, one end-user erased and another's data exported; the next training learns from
/// exactly the end-users who consented and were not erased, and the privacy report shows every step.
/// </summary>
public sealed class PrivacyWalkThroughTests
{
    [Fact]
    public async Task TheNextTraining_LeavesOutExactlyTheWithdrawnAndTheErased_AndTheReportShowsEveryStep()
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync();
        await using var _ = host;
        var officer = TestHost.As(admin, Roles.ComplianceOfficer) with { UserName = "officer@example.test" };
        host.CurrentUser.Caller = officer;
        await PseudonymisationTestKit.TurnOnAsync(host, admin.TenantId);
        var k = await host.InScopeAsync<AnonymitySettingsService, PrivacySaveResult>(s => s.SaveKAsync(5));
        Assert.True(k.Succeeded);

        // The sample consent file: 40 end-users withdraw Personalisation. Of them, only u00005 and u00055 are in this
        // 80-end-user sample; the import creates the other 38 (consent often comes before any event), without data.
        host.CurrentUser.Caller = admin;
        var source = await CreateSourceAsync(host, new DataSourceInput { Name = "Consent export" });
        await UploadAsync(host, source, DatasetKind.Consents, SampleConsentFile.Create(host.Time.GetUtcNow().UtcDateTime));
        var (runs, _) = await ImportAsync(host, admin.TenantId, source);
        Assert.Equal(ImportState.Succeeded, runs[0].State);

        host.CurrentUser.Caller = officer;
        var erased = await host.InScopeAsync<ErasureService, PrivacyRequestView>(s => s.EraseAsync("u00007", PrivacyRequests.PageChannel));
        var export = await host.InScopeAsync<EndUserExportService, EndUserExport>(s => s.ExportAsync("u00010", PrivacyRequests.PageChannel));

        host.CurrentUser.Caller = admin;
        var training = await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);
        Assert.Equal(JobState.Succeeded, training.State);

        var pseudonymizer = host.Services.GetRequiredService<IPseudonymizer>();
        async Task<string> Stored(string id) => await pseudonymizer.StoredEndUserIdAsync(admin.TenantId, id, CancellationToken.None);
        var withdrawn = new[] { await Stored("u00005"), await Stored("u00055") };
        DataManifest manifest;
        List<string> withData;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            var latest = await db.ModelVersions.Where(v => v.BlendId == blendId).OrderByDescending(v => v.Number).FirstAsync();
            manifest = DataManifest.FromJson(latest.ManifestJson);
            withData = await db.EndUsers.Where(u => db.Interactions.Any(i => i.EndUserId == u.Id)).Select(u => u.ExternalId).ToListAsync();
            Assert.False(await db.EndUsers.AnyAsync(u => u.ExternalId == "u00007"), "The erased end-user's record must be gone.");
        }

        var expected = withData.Except(withdrawn, StringComparer.Ordinal).ToList();
        Assert.Equal(
            (expected.Count, 2, DataManifest.HashEndUserIds(expected)),
            (manifest.EndUsers, manifest.EndUsersExcludedByConsent, manifest.EndUserIdsSha256));
        Assert.DoesNotContain(await Stored("u00007"), withData);

        host.CurrentUser.Caller = officer;
        var report = await host.InScopeAsync<PrivacyReportService, PrivacyReport>(s => s.GetAsync());
        var personalisation = report.ConsentNow.Single(c => c.Purpose == ConsentPurpose.Personalisation);
        var exclusion = report.TrainingExclusions.Single();
        Assert.Equal(
            (true, 5, 40, expected.Count, 2, true, true),
            (report.Pseudonymisation.IsOn, report.KAnonymity!.Count > 0 ? report.KAnonymity[0].K : 0, personalisation.Withdrawn,
                exclusion.EndUsersIncluded, exclusion.EndUsersExcluded,
                report.Requests.Any(r => r.Kind == PrivacyRequestKind.Erasure && r.Found && r.Reference == erased.Reference),
                report.Requests.Any(r => r.Kind == PrivacyRequestKind.Access && r.Found && r.Reference == export.Reference)));
    }
}
