using System.Globalization;
using Dashboard.Application.Common;
using Dashboard.Application.Fairness;
using Dashboard.Application.Recommendations;
using Dashboard.Application.Tests.Support;
using Dashboard.Application.Training;
using Dashboard.Domain.Auditing;
using Dashboard.Domain.Blends;
using Dashboard.Domain.Fairness;
using Dashboard.Domain.Identity;
using Dashboard.Domain.Jobs;
using Dashboard.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Dashboard.Application.Tests.Training.TrainingTestKit;

namespace Dashboard.Application.Tests.Fairness;

/// <summary>
/// The "Done when", at application level, on the demo organisation as a fresh start creates it: the demo's
/// training is audited and held, its seeded history approves and activates version 1 so recommendations are
/// personalised at once, version 2 waits for the compliance officer, who reads the audit, tries a what-if setting
/// and approves; activation follows and the audit log shows every step.
/// </summary>
public sealed class BiasAuditWalkThroughTests
{
    [Fact]
    public async Task DemoFromAFreshStart_ServesVersionOneAtOnce_AndVersionTwoWaitsUntilTheComplianceOfficerApprovesIt()
    {
        await using var host = await StartDemoAsync();
        var tenantId = await TenantAsync(host);
        await RunAllQueuedAsync(host, tenantId);

        // The demo's first version: audited, the planted bias blocking, so it waited for review — then the seeded history decided.
        var afterFirstAudit = await VersionsAsync(host, tenantId);
        Assert.Equal(ReleaseReview.AwaitingReview, Assert.Single(afterFirstAudit).Review);
        Assert.Equal(DemoHistoryStep.SecondTrainingQueued, await AdvanceAsync(host));
        await RunAllQueuedAsync(host, tenantId);
        Assert.Equal(DemoHistoryStep.Done, await AdvanceAsync(host));

        var versions = await VersionsAsync(host, tenantId);
        var (v1, v2) = (versions[0], versions[1]);
        var blendId = v1.BlendId;
        Assert.Equal((ReleaseReview.Approved, DemoSeeder.Actor, DemoHistory.Justification, ReleaseReview.AwaitingReview, (Guid?)v1.Id),
            (v1.Review, v1.ReviewedBy, v1.ReviewJustification, v2.Review, (await BlendAsync(host, tenantId, blendId)).ActiveVersionId));

        // A new user of the demo sees personalised recommendations at once.
        var marketer = await MemberAsync(host, tenantId, "marketer@demo.local", Roles.Marketer);
        host.CurrentUser.Caller = marketer;
        var endUser = await ConsentedEndUserAsync(host, tenantId);
        var preview = await host.InScopeAsync<RecommendationPreviewService, PreviewList>(s => s.RecommendAsync(blendId, endUser, 10));
        Assert.Equal((1, true), (preview.VersionNumber, preview.List!.Personalised && preview.List.Items.Count > 0));

        // The marketer cannot put version 2 live; the gate says why.
        var refused = await host.InScopeAsync<ModelVersionService, Result>(s => s.ActivateAsync(v2.Id));
        Assert.Contains("a compliance officer must review it", string.Join(" ", refused.Errors), StringComparison.Ordinal);

        // The compliance officer reads version 2's audit: the planted bias, in a sentence, as blocking.
        host.CurrentUser.Caller = await MemberAsync(host, tenantId, "compliance@demo.local", Roles.ComplianceOfficer);
        BiasAudit audit;
        await using (var db = host.CreateTenantContext(tenantId))
        {
            audit = await db.BiasAudits.AsNoTracking().SingleAsync(a => a.ModelVersionId == v2.Id);
        }

        var document = BiasAuditDocument.FromJson(audit.ReportJson);
        Assert.Equal(BiasAuditOutcome.BlockingFailure, audit.Outcome);
        Assert.Contains(document.Explained, e => e.Sentence.Contains("North", StringComparison.Ordinal) && e.Sentence.Contains("Electronics", StringComparison.Ordinal)
            && e.Sentence.Contains("— blocking", StringComparison.Ordinal));

        // … tries a what-if setting beside the version's own …
        var points = await host.InScopeAsync<IWhatIfAudit, IReadOnlyList<WhatIfPoint>>(s =>
            s.RunAsync(v2.Id, [new WhatIfSetting(1, 0, null), new WhatIfSetting(0.7, 0.3, 3)], CancellationToken.None));
        Assert.Equal((2, document.NdcgAt10), (points.Count, points[0].NdcgAt10));

        // … and approves with a justification: activation follows.
        var approved = await host.InScopeAsync<ReleaseReviewService, ReviewResult>(s =>
            s.ApproveAsync(v2.Id, "The purchase gap in the North comes from the shop's delivery data, not the model; tracked as RISK-12."));
        Assert.True(approved.Succeeded, approved.Message);
        Assert.Equal((Guid?)v2.Id, (await BlendAsync(host, tenantId, blendId)).ActiveVersionId);

        // The audit log tells the whole story in order.
        await using var log = host.CreateTenantContext(tenantId);
        var story = await log.AuditLog.AsNoTracking()
            .Where(e => e.Action == AuditActions.ModelVersionHeldForReview || e.Action == AuditActions.ModelVersionApproved || e.Action == AuditActions.ModelVersionActivated)
            .OrderBy(e => e.Id).Select(e => e.Action + " by " + e.UserName).ToListAsync();
        Assert.Equal(
        [
            $"{AuditActions.ModelVersionHeldForReview} by {DemoSeeder.Actor} via job \"Train model\" via job \"Bias audit\"",
            $"{AuditActions.ModelVersionApproved} by {DemoSeeder.Actor}",
            $"{AuditActions.ModelVersionActivated} by {DemoSeeder.Actor}",
            $"{AuditActions.ModelVersionHeldForReview} by {DemoSeeder.Actor} via job \"Train model\" via job \"Bias audit\"",
            $"{AuditActions.ModelVersionApproved} by compliance@demo.local",
            $"{AuditActions.ModelVersionActivated} by compliance@demo.local",
        ], story);
    }

    [Fact]
    public async Task DemoHistory_BeforeVersionOnesAuditHasRun_WaitsAndChangesNothing()
    {
        await using var host = await StartDemoAsync();
        var tenantId = await TenantAsync(host);
        await RunQueuedAsync(host, tenantId, JobKind.ImportDataSource);
        await RunQueuedAsync(host, tenantId, JobKind.TrainModel);

        var step = await AdvanceAsync(host);

        await using var db = host.CreateTenantContext(tenantId);
        Assert.Equal((DemoHistoryStep.WaitingForFirstAudit, ReleaseReview.AwaitingAudit, 1),
            (step, (await db.ModelVersions.SingleAsync()).Review, await db.JobRuns.CountAsync(j => j.Kind == JobKind.TrainModel)));
    }

    [Fact]
    public async Task DemoHistory_AfterAPersonDecidedOnVersionOne_LeavesItAlone()
    {
        await using var host = await StartDemoAsync();
        var tenantId = await TenantAsync(host);
        await RunAllQueuedAsync(host, tenantId);
        var v1 = Assert.Single(await VersionsAsync(host, tenantId));
        host.CurrentUser.Caller = await MemberAsync(host, tenantId, "compliance@demo.local", Roles.ComplianceOfficer);
        await host.InScopeAsync<ReleaseReviewService, ReviewResult>(s => s.RejectAsync(v1.Id, "Not acceptable: North sees far fewer Electronics."));

        var step = await AdvanceAsync(host);

        await using var db = host.CreateTenantContext(tenantId);
        Assert.Equal((DemoHistoryStep.Done, ReleaseReview.Rejected, 1),
            (step, (await db.ModelVersions.SingleAsync()).Review, await db.JobRuns.CountAsync(j => j.Kind == JobKind.TrainModel)));
    }

    [Fact]
    public async Task DemoHistory_WhenVersionOnesAuditClearedIt_AddsNothing()
    {
        await using var host = await StartDemoAsync(Small);
        var tenantId = await TenantAsync(host);
        await RunAllQueuedAsync(host, tenantId);

        var step = await AdvanceAsync(host);

        var version = Assert.Single(await VersionsAsync(host, tenantId));
        await using var db = host.CreateTenantContext(tenantId);
        Assert.Equal((DemoHistoryStep.Done, ReleaseReview.Cleared, (Guid?)version.Id, 1),
            (step, version.Review, (await db.Blends.SingleAsync()).ActiveVersionId, await db.JobRuns.CountAsync(j => j.Kind == JobKind.TrainModel)));
    }

    private static async Task<TestHost> StartDemoAsync(Application.DataSources.SampleData.SampleDataOptions? sample = null)
    {
        var data = sample ?? BiasAuditTestKit.Data;
        var host = await TestHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:SampleData:Users"] = data.Users.ToString(CultureInfo.InvariantCulture),
            ["Demo:SampleData:Items"] = data.Items.ToString(CultureInfo.InvariantCulture),
            ["Demo:SampleData:Interactions"] = data.Interactions.ToString(CultureInfo.InvariantCulture),
            ["Demo:SampleData:Days"] = data.Days.ToString(CultureInfo.InvariantCulture),
            ["Demo:SampleData:Seed"] = data.Seed.ToString(CultureInfo.InvariantCulture),
        });
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        return host;
    }

    private static async Task<Guid> TenantAsync(TestHost host)
    {
        await using var unbound = host.CreateUnboundContext();
        return await unbound.Tenants.Select(t => t.Id).SingleAsync();
    }

    private static async Task<DemoHistoryStep> AdvanceAsync(TestHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoHistory>().AdvanceAsync();
    }

    /// <summary>Runs queued jobs oldest first until none is left, as the job server would.</summary>
    private static async Task RunAllQueuedAsync(TestHost host, Guid tenantId)
    {
        while (true)
        {
            Guid? next;
            await using (var db = host.CreateTenantContext(tenantId))
            {
                next = await db.JobRuns.AsNoTracking().Where(j => j.State == JobState.Queued)
                    .OrderBy(j => j.QueuedAtUtc).ThenBy(j => j.Id).Select(j => (Guid?)j.Id).FirstOrDefaultAsync();
            }

            if (next is not { } id)
            {
                return;
            }

            await ExecuteAsync(host, tenantId, id);
        }
    }

    private static async Task<CallerContext> MemberAsync(TestHost host, Guid tenantId, string email, string role)
    {
        await using var unbound = host.CreateUnboundContext();
        var user = await unbound.Users.SingleAsync(u => u.Email == email);
        return new CallerContext(user.Id, email, tenantId, "Demo Retail", new HashSet<string> { role });
    }

    private static async Task<string> ConsentedEndUserAsync(TestHost host, Guid tenantId)
    {
        await using var db = host.CreateTenantContext(tenantId);
        return await db.EndUsers.AsNoTracking()
            .Where(u => db.Interactions.Count(i => i.EndUserId == u.Id) >= 20
                && db.ConsentRecords.Any(c => c.EndUserId == u.Id && c.Purpose == Domain.Privacy.ConsentPurpose.Personalisation && c.Granted))
            .OrderBy(u => u.Id).Select(u => u.ExternalId).FirstAsync();
    }
}
