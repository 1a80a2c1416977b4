using Dashboard.Application.Blends;
using Dashboard.Application.Common;
using Dashboard.Application.Jobs;
using Dashboard.Application.Privacy.Retention;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Tests.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Data;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Domain.Recommendations;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Tests.Privacy;

public sealed class RetentionTests
{
    private static async Task<(TestHost Host, CallerContext Officer)> StartAsync()
    {
        var (host, admin, _) = await TrainingTestKit.StartAsync(withData: false);
        var officer = TestHost.As(admin, Roles.ComplianceOfficer);
        host.CurrentUser.Caller = officer;
        return (host, officer);
    }

    /// <summary>One end-user with interactions, feedback and served lists at the given ages in days.</summary>
    private static async Task SeedAsync(TestHost host, Guid tenantId, params int[] ageInDays)
    {
        var now = host.Time.GetUtcNow().UtcDateTime;
        await using var db = host.CreateTenantContext(tenantId);
        var user = new EndUser { ExternalId = "u-1", CreatedAtUtc = now };
        var item = new Item { ExternalId = "i-1", Title = "Kettle" };
        db.EndUsers.Add(user);
        db.Items.Add(item);
        await db.SaveChangesAsync();
        var n = 0;
        foreach (var age in ageInDays)
        {
            var at = now.AddDays(-age);
            db.Interactions.Add(new Interaction { EndUserId = user.Id, ItemId = item.Id, Type = InteractionType.View, Value = 1, OccurredAtUtc = at });
            db.RecommendationFeedback.Add(new RecommendationFeedback { RecommendationId = $"rec_{n}", EndUserId = user.Id, ItemId = item.Id, Type = FeedbackType.Impression, OccurredAtUtc = at, ReceivedAtUtc = at });
            db.ServedRecommendations.Add(new ServedRecommendation { Id = $"rec_{n++}", EndUserExternalId = "u-1", ItemIdsJson = "[\"i-1\"]", ServedAtUtc = at });
        }

        await db.SaveChangesAsync();
    }

    private static async Task<Guid> RunAsync(TestHost host, Guid tenantId, int batchSize)
    {
        var run = await host.QueueJobAsync(tenantId, new EnforceRetentionParameters(batchSize), "officer@example.test");
        await TrainingTestKit.ExecuteAsync(host, tenantId, run);
        return run;
    }

    [Fact]
    public async Task Run_DeletesOnlyRowsOlderThanTheRetention_InBatches_AndRecordsTheCounts()
    {
        var (host, officer) = await StartAsync();
        await using var _ = host;
        await SeedAsync(host, officer.TenantId, 1, 29, 31, 40, 50, 60, 400);
        Assert.Empty(await host.InScopeAsync<RetentionService, IReadOnlyList<FieldMessage>>(s => s.SetRetentionDaysAsync(30)));

        var jobRunId = await RunAsync(host, officer.TenantId, batchSize: 2);

        await using var db = host.CreateTenantContext(officer.TenantId);
        var cutoff = host.Time.GetUtcNow().UtcDateTime.AddDays(-30);
        var run = await db.RetentionRuns.AsNoTracking().SingleAsync();
        var job = await db.JobRuns.AsNoTracking().SingleAsync(j => j.Id == jobRunId);
        Assert.Equal((JobState.Succeeded, 30, 5L, 5L, 5L, true), (job.State, run.RetentionDays, run.InteractionsDeleted, run.FeedbackDeleted, run.ServedListsDeleted, run.FinishedAtUtc is not null));
        Assert.Equal((2, 2, 2, 0), (await db.Interactions.CountAsync(), await db.RecommendationFeedback.CountAsync(), await db.ServedRecommendations.CountAsync(),
            await db.Interactions.CountAsync(i => i.OccurredAtUtc < cutoff)));
        Assert.Single(await db.AuditLog.Where(a => a.Action == AuditActions.RetentionEnforced).ToListAsync());
    }

    [Fact]
    public async Task Run_Twice_DeletesNothingMoreTheSecondTime()
    {
        var (host, officer) = await StartAsync();
        await using var _ = host;
        await SeedAsync(host, officer.TenantId, 1, 40, 50);
        await host.InScopeAsync<RetentionService, IReadOnlyList<FieldMessage>>(s => s.SetRetentionDaysAsync(30));
        await RunAsync(host, officer.TenantId, batchSize: 10);

        await RunAsync(host, officer.TenantId, batchSize: 10);

        await using var db = host.CreateTenantContext(officer.TenantId);
        var second = await db.RetentionRuns.AsNoTracking().OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).FirstAsync();
        Assert.Equal((0L, 1), (second.InteractionsDeleted, await db.Interactions.CountAsync()));
    }

    [Fact]
    public async Task Run_WithoutARetentionPeriod_DeletesNothing()
    {
        var (host, officer) = await StartAsync();
        await using var _ = host;
        await SeedAsync(host, officer.TenantId, 1, 4000);

        await RunAsync(host, officer.TenantId, batchSize: 10);

        await using var db = host.CreateTenantContext(officer.TenantId);
        Assert.Equal((2, 0), (await db.Interactions.CountAsync(), await db.RetentionRuns.CountAsync()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public async Task SetRetentionDays_ZeroOrNegative_IsRefusedWithAFieldMessage(int days)
    {
        var (host, officer) = await StartAsync();
        await using var _ = host;

        var messages = await host.InScopeAsync<RetentionService, IReadOnlyList<FieldMessage>>(s => s.SetRetentionDaysAsync(days));

        var view = await host.InScopeAsync<RetentionService, RetentionView>(s => s.GetAsync());
        Assert.Equal(("RetentionDays", (int?)null), (Assert.Single(messages).Field, view.RetentionDays));
    }

    [Fact]
    public async Task SetRetentionDays_IsAuditedWithBeforeAndAfter()
    {
        var (host, officer) = await StartAsync();
        await using var _ = host;
        await host.InScopeAsync<RetentionService, IReadOnlyList<FieldMessage>>(s => s.SetRetentionDaysAsync(90));

        await host.InScopeAsync<RetentionService, IReadOnlyList<FieldMessage>>(s => s.SetRetentionDaysAsync(null));

        await using var db = host.CreateTenantContext(officer.TenantId);
        var entries = await db.AuditLog.AsNoTracking().Where(a => a.Action == AuditActions.RetentionChanged).OrderBy(a => a.Id).Select(a => new { a.Before, a.After }).ToListAsync();
        Assert.Equal("(,90 days) (90 days,)", string.Join(" ", entries.Select(e => $"({e.Before},{e.After})")));
    }

    [Fact]
    public async Task RunNow_QueuesOneRetentionRun_AndAskingAgainGivesTheSameRun()
    {
        var (host, officer) = await StartAsync();
        await using var _ = host;

        var first = await host.InScopeAsync<RetentionService, Guid>(s => s.RunNowAsync());
        var second = await host.InScopeAsync<RetentionService, Guid>(s => s.RunNowAsync());

        await using var db = host.CreateTenantContext(officer.TenantId);
        Assert.Equal((first, 1), (second, await db.JobRuns.CountAsync(j => j.Kind == JobKind.EnforceRetention)));
    }

    [Fact]
    public async Task Marketer_CannotSetRetentionOrRunIt()
    {
        var (host, officer) = await StartAsync();
        await using var _ = host;
        host.CurrentUser.Caller = TestHost.As(officer, Roles.Marketer);

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<RetentionService, IReadOnlyList<FieldMessage>>(s => s.SetRetentionDaysAsync(30)));
        await Assert.ThrowsAsync<ForbiddenAccessException>(() => host.InScopeAsync<RetentionService, Guid>(s => s.RunNowAsync()));
    }
}
