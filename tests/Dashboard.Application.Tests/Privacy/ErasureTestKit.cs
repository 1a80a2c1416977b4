using Dashboard.Application.Common;
using Dashboard.Application.Privacy;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Tests.Training;
using Dashboard.Domain.Data;
using Dashboard.Domain.DataSources;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Privacy;
using Dashboard.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Application.Tests.Privacy;

/// <summary>
/// An organisation with sample data, one end-user (<see cref="EndUserId"/>) who has everything the dashboard can store
/// about a person — interactions, attributes (one sensitive), consent records, recommendation feedback, a served list,
/// recent events in memory, an import problem quoting their id — a trained, active model that knows them, and a
/// Compliance officer as the caller.
/// </summary>
internal static class ErasureTestKit
{
    /// <summary>Long and unusual, so finding it anywhere in bytes is never a coincidence.</summary>
    public const string EndUserId = "erase-me-7Fq4Zt9Kx2";

    public sealed record Setup(TestHost Host, CallerContext Officer, Guid BlendId);

    public static async Task<Setup> StartAsync(bool train = true)
    {
        var (host, admin, blendId) = await TrainingTestKit.StartAsync();
        long endUser;
        await using (var db = host.CreateTenantContext(admin.TenantId))
        {
            // The sample's first end-user becomes the person with everything stored.
            endUser = await db.EndUsers.Where(u => u.ExternalId == "u00001").Select(u => u.Id).SingleAsync();
            await db.EndUsers.Where(u => u.Id == endUser).ExecuteUpdateAsync(s => s.SetProperty(u => u.ExternalId, EndUserId));
            var item = await db.Items.OrderBy(i => i.Id).FirstAsync();
            var now = host.Time.GetUtcNow().UtcDateTime;
            db.EndUserAttributes.Add(new EndUserAttribute { EndUserId = endUser, Key = "health", Value = host.Services.GetRequiredService<IAttributeValueProtector>().Protect(admin.TenantId, "=cmd|' /C calc'!A0"), IsSensitive = true });
            db.EndUserAttributes.Add(new EndUserAttribute { EndUserId = endUser, Key = "postcode", Value = "SW1A 1AA", IsQuasiIdentifier = true });
            db.ConsentRecords.Add(new ConsentRecord { EndUserId = endUser, Purpose = ConsentPurpose.Personalisation, Granted = true, OccurredAtUtc = now.AddDays(-3), RecordedAtUtc = now.AddDays(-3), Source = "web banner", NoticeVersion = "v2", ProofReference = "form-991" });
            db.ConsentRecords.Add(new ConsentRecord { EndUserId = endUser, Purpose = ConsentPurpose.Analytics, Granted = false, OccurredAtUtc = now.AddDays(-2), RecordedAtUtc = now.AddDays(-2), Source = "app" });
            db.RecommendationFeedback.Add(new RecommendationFeedback { RecommendationId = "rec_feedback_1", EndUserId = endUser, ItemId = item.Id, Type = FeedbackType.Click, OccurredAtUtc = now.AddDays(-1), ReceivedAtUtc = now.AddDays(-1) });
            var source = new DataSource { Id = Guid.CreateVersion7(), Name = "Shop export" };
            db.DataSources.Add(source);
            var run = new ImportRun { Id = Guid.CreateVersion7(), DataSourceId = source.Id, State = ImportState.Failed, QueuedAtUtc = now };
            db.ImportRuns.Add(run);
            db.ImportErrors.Add(new ImportError { ImportRunId = run.Id, Line = 7, Column = "user_id", Value = EndUserId, Reason = "Test problem quoting the id." });
            await db.SaveChangesAsync();
        }

        if (train)
        {
            var trained = await TrainingTestKit.TrainAsync(host, admin.TenantId, blendId);
            Assert.True(trained.State == Dashboard.Domain.Jobs.JobState.Succeeded, trained.Error + " " + trained.Message);
            var served = await host.Services.GetRequiredService<RecommendationServingService>().RecommendAsync(admin.TenantId, EndUserId, 5, null, []);
            Assert.True(served.Response?.Personalised, "The trained model should personalise for the end-user before the erasure.");
            await host.Services.GetRequiredService<ServedRecommendationLog>().FlushAsync(CancellationToken.None);
            host.Services.GetRequiredService<RecentEventsBuffer>().Add(admin.TenantId, [(EndUserId, "i-anything", "view", 1f)]);
        }

        var officer = TestHost.As(admin, Roles.ComplianceOfficer) with { UserName = "officer@example.test" };
        host.CurrentUser.Caller = officer;
        return new Setup(host, officer, blendId);
    }

    public static async Task<long> CountAsync(TestHost host, Guid tenantId, Func<IAppDbContext, Task<long>> count)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await count(db);
    }
}
